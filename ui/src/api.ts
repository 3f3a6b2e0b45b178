// Typed wrappers around the Rust commands in src-tauri/commands/. The interfaces mirror
// the JSON that claimtrack-core's store types serialise to (crates/claimtrack-core/src/store/types.rs),
// so a renamed field there shows up here as a type error once this file is updated.
import { Channel, invoke } from "@tauri-apps/api/core";

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

export interface Article extends ArticleSummary {
  content_hash: string;
  /** The stored text; every offset in a claim is a UTF-8 byte offset into it. */
  text: string;
}

export type ArticleOrder = "stored" | "published_newest_first" | "published_oldest_first";

export interface ArticleQuery {
  search: string | null;
  order: ArticleOrder;
}

export interface ArticleMetadata {
  title: string;
  outlet: string | null;
  url: string | null;
  author: string | null;
  published: string | null;
}

export type ClaimOrder = "article_offset" | "confidence_ascending";

/** claimtrack_core::store::ClaimFilter; every field narrows, absent fields match all. */
export interface ClaimFilter {
  status?: ReviewStatus | null;
  speaker?: string | null;
  speaker_id?: number | null;
  article_id?: number | null;
  date_from?: string | null;
  date_to?: string | null;
  search?: string | null;
  kind?: ClaimKind | null;
  limit?: number | null;
  offset?: number;
  order?: ClaimOrder;
}

export type IngestOutcome =
  | { outcome: "inserted"; article_id: number; claims: number }
  | { outcome: "already_stored"; article_id: number };

/** What happened to one imported file, page or feed entry (claimtrack_core::ingest::ImportItem). */
export type ImportItem = { source: string } & (
  | { result: "inserted"; article_id: number; claims: number }
  | { result: "already_stored"; article_id: number }
  | { result: "known_url"; article_id: number }
  | { result: "failed"; error: ErrorPayload }
);

/** claimtrack_core::ingest::IngestProgress: `started` once per group of sources (the files,
 * then each web address), `finished` after each item. */
export type ImportProgress =
  | { event: "started"; total: number }
  | { event: "finished"; done: number; total: number; item: ImportItem };

export interface PastedArticle {
  title: string;
  body: string;
  outlet: string | null;
  url: string | null;
  author: string | null;
  published: string | null;
}

export interface SpeakerSummary {
  id: number;
  canonical_name: string;
  speaker_type: SpeakerType;
  aliases: string[];
  claims: number;
  verified: number;
}

export interface HistoryEntry {
  id: number;
  at: string;
  action: string;
  summary: string;
  article_id: number | null;
  claim_id: number | null;
  speaker_id: number | null;
  state: string;
}

export interface ExportOptions {
  filter: ClaimFilter;
  excel: boolean;
}

export interface ExportReport {
  path: string;
  rows: number;
}

export function fetchAppInfo(): Promise<AppInfo> {
  return invoke<AppInfo>("app_info");
}

export function fetchArticles(query: ArticleQuery): Promise<ArticleSummary[]> {
  return invoke<ArticleSummary[]>("list_articles", { query });
}

export function fetchArticle(articleId: number): Promise<Article> {
  return invoke<Article>("get_article", { articleId });
}

export function importPasted(article: PastedArticle): Promise<IngestOutcome> {
  return invoke<IngestOutcome>("import_pasted", { article });
}

/** Imports files, folders and web addresses (pages or feeds); `onProgress` hears about
 * each item as it is done. Resolves to how many items failed. */
export function importSources(sources: string[], onProgress: (progress: ImportProgress) => void): Promise<number> {
  const progress = new Channel<ImportProgress>();
  progress.onmessage = onProgress;
  return invoke<number>("import_sources", { sources, progress });
}

export function updateArticleMetadata(articleId: number, metadata: ArticleMetadata): Promise<void> {
  return invoke<void>("update_article_metadata", { articleId, metadata });
}

export function fetchClaims(filter: ClaimFilter): Promise<Claim[]> {
  return invoke<Claim[]>("list_claims", { filter });
}

export function countClaims(filter: ClaimFilter): Promise<number> {
  return invoke<number>("count_claims", { filter });
}

/** Sets the status of one or many claims as one undoable change; resolves to how many changed. */
export function setStatus(claimIds: number[], status: ReviewStatus): Promise<number> {
  return invoke<number>("set_status", { claimIds, status });
}

export function correctSpeaker(claimId: number, name: string): Promise<number> {
  return invoke<number>("correct_speaker", { claimId, name });
}

/** `start` and `end` are UTF-8 byte offsets into the article text. */
export function correctSpan(claimId: number, start: number, end: number): Promise<void> {
  return invoke<void>("correct_span", { claimId, start, end });
}

export function correctKind(claimId: number, kind: ClaimKind): Promise<void> {
  return invoke<void>("correct_kind", { claimId, kind });
}

export function addClaim(
  articleId: number,
  start: number,
  end: number,
  kind: ClaimKind,
  speaker: string | null,
): Promise<number> {
  return invoke<number>("add_claim", { articleId, start, end, kind, speaker });
}

export function fetchSpeakers(): Promise<SpeakerSummary[]> {
  return invoke<SpeakerSummary[]>("list_speakers");
}

export function renameSpeaker(speakerId: number, name: string): Promise<void> {
  return invoke<void>("rename_speaker", { speakerId, name });
}

export function mergeSpeakers(from: number, into: number): Promise<void> {
  return invoke<void>("merge_speakers", { from, into });
}

export function undo(): Promise<HistoryEntry> {
  return invoke<HistoryEntry>("undo");
}

export function redo(): Promise<HistoryEntry> {
  return invoke<HistoryEntry>("redo");
}

export function fetchHistory(limit: number, offset: number): Promise<HistoryEntry[]> {
  return invoke<HistoryEntry[]>("list_history", { limit, offset });
}

export function exportCsv(path: string, options: ExportOptions): Promise<ExportReport> {
  return invoke<ExportReport>("export_csv", { path, options });
}

export interface DatabaseContents {
  schema_version: number;
  articles: number;
  claims: number;
  corrections: number;
  history_events: number;
}

export interface BackupReport {
  path: string;
  bytes: number;
  contents: DatabaseContents;
}

export interface RestoreReport {
  target: string;
  restored_from: string;
  backup_schema_version: number;
  contents: DatabaseContents;
  previous_database: string | null;
}

export function backupDatabase(path: string): Promise<BackupReport> {
  return invoke<BackupReport>("backup_database", { path });
}

export function restoreDatabase(path: string): Promise<RestoreReport> {
  return invoke<RestoreReport>("restore_database", { path });
}
