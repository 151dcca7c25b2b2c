//! The `morgue` binary: parses arguments, runs the command, maps the outcome
//! to an exit status (0 results or success, 1 no results, 2 error).

use std::process::ExitCode;

use clap::Parser;
use morgue::cli::{self, args::Cli};

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
