//! Running the real `claimtrack` binary against files and a database in a temp dir.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Workspace {
    pub dir: tempfile::TempDir,
}

/// What one run of the binary printed and returned.
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: Option<i32>,
}

impl Run {
    fn from(output: Output) -> Run {
        Run {
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
            code: output.status.code(),
        }
    }

    /// Asserts success and returns stdout.
    pub fn ok(self) -> String {
        assert_eq!(
            self.code,
            Some(0),
            "claimtrack failed:\nstdout: {}\nstderr: {}",
            self.stdout,
            self.stderr
        );
        self.stdout
    }

    pub fn json(self) -> serde_json::Value {
        let stdout = self.ok();
        serde_json::from_str(&stdout).unwrap_or_else(|error| panic!("not JSON ({error}): {stdout}"))
    }
}

impl Workspace {
    pub fn new() -> Workspace {
        Workspace {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, contents: &[u8]) -> PathBuf {
        let path = self.path(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap();
        path
    }

    pub fn database(&self) -> PathBuf {
        self.path("data/claimtrack.sqlite3")
    }

    /// Runs `claimtrack` with the working directory set to the temp dir and no database
    /// option added (tests of `--db` pass it themselves).
    pub fn run_raw(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_claimtrack"))
            .args(args)
            .current_dir(self.dir.path())
            // Keeps the default database path inside the temp dir should a test forget --db.
            .env("XDG_DATA_HOME", self.path("xdg-data"))
            .env("HOME", self.dir.path())
            .output()
            .expect("run claimtrack");
        Run::from(output)
    }

    /// Runs `claimtrack --db <temp database> ARGS...`.
    pub fn run(&self, args: &[&str]) -> Run {
        let database = self.database();
        let mut full = vec!["--db", database.to_str().unwrap()];
        full.extend_from_slice(args);
        self.run_raw(&full)
    }
}

pub fn text_of(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// Written for these tests: a short council story with two attributed statements.
pub const COUNCIL_STORY: &str = "Westhaven council approves cycling budget\n\n\
\"We will build forty kilometres of protected lanes by 2027,\" Mayor Anna Lindqvist said on Tuesday.\n\n\
Opposition leader Tomas Brenner said the plan was far too expensive for a small city.\n";

/// Written for these tests: a harbour story quoting a port official.
pub const HARBOUR_STORY: &str = "Harbour dredging to start in spring\n\n\
\"Larger ferries need at least nine metres of water, and today we have seven,\" port director Jonas Perlmann said on Monday.\n";
