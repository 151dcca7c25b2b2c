//! The `morgue` binary: parses arguments, runs the command, maps the outcome
//! to an exit status (0 results or success, 1 no results, 2 error).

use std::process::ExitCode;

use clap::Parser;
use morgue::cli::{self, args::Cli};

/// mimalloc instead of glibc's malloc: indexing allocates strings on the reader
/// threads that the writer thread frees, and glibc's per-thread arenas kept that
/// memory fragmented (peak RSS grew with the corpus; see the README's benchmark).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help and version to stdout with success; usage errors get status 2.
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    match cli::run(cli) {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(err) if cli::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("morgue: error: {}", cli::sanitize(&format!("{err:#}")));
            ExitCode::from(2)
        }
    }
}
