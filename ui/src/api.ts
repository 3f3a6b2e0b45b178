// Typed wrappers around the Rust commands in src-tauri/commands.rs. The interfaces mirror
// the JSON that claimtrack-core's store types serialise to (crates/claimtrack-core/src/store/types.rs),
// so a renamed field there shows up here as a type error once this file is updated.
import { invoke } from "@tauri-apps/api/core";

export type ClaimKind = "direct" | "mixed" | "indirect";
export type SpeakerType = "person" | "organisation" | "country" | "unknown";
export type ReviewStatus = "pending" | "verified" | "rejected";
export type ClaimOrigin = "machine" | "human";

/** What every failed command rejects with (claimtrack_core::error::ErrorPayload). */
export interface ErrorPayload {
  kind: string;
  message: string;
}

export interface AppInfo {
  version: string;
  database_path: string;
}

export interface ArticleSummary {
  id: number;
  title: string;
  outlet: string | null;
  url: string | null;
  author: string | null;
  /** ISO 8601 date (YYYY-MM-DD). */
  published: string | null;
  source_path: string | null;
  ingested_at: string;
  claims: number;
  pending: number;
  verified: number;
  rejected: number;
}

export interface Claim {
  id: number;
  article_id: number;
  article_title: string;
  kind: ClaimKind;
  text: string;
  start: number;
  end: number;
  parts: Array<[number, number]>;
  speaker: string | null;
  speaker_id: number | null;
  speaker_type: SpeakerType;
  speaker_role: string | null;
  mention: string | null;
  mention_start: number | null;
  mention_end: number | null;
  cue: string | null;
  cue_start: number | null;
  cue_end: number | null;
  /** ISO 8601 date (YYYY-MM-DD) the words were said. */
  date: string | null;
  confidence: number;
  status: ReviewStatus;
  reviewed_at: string | null;
  corrected: boolean;
  origin: ClaimOrigin;
  no_longer_extracted: boolean;
}

export function isErrorPayload(value: unknown): value is ErrorPayload {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Record<string, unknown>)["kind"] === "string" &&
    typeof (value as Record<string, unknown>)["message"] === "string"
  );
}

/** Turns whatever a rejected command or a thrown exception carried into one payload. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (isErrorPayload(error)) {
    return error;
  }
  if (error instanceof Error) {
    return { kind: "ui", message: error.message };
  }
  return { kind: "ui", message: String(error) };
}

export function fetchAppInfo(): Promise<AppInfo> {
  return invoke<AppInfo>("app_info");
}

export function fetchArticles(): Promise<ArticleSummary[]> {
  return invoke<ArticleSummary[]>("list_articles");
}

/** Claims of one article in reading order, or of every article when `articleId` is null. */
export function fetchClaims(articleId: number | null): Promise<Claim[]> {
  return invoke<Claim[]>("list_claims", { articleId });
}
