//! The `deltag` binary: parse the command line, run it, report errors plainly.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    deltag::telemetry::init();
    let cli = deltag::cli::Cli::parse();
    match deltag::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
