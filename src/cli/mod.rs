//! The command line: validated arguments in, rendered results out.
//!
//! [`run`] turns parsed arguments into library requests and prints what comes
//! back; exit codes are decided from its [`Outcome`] by `main`. Rendering lives
//! in [`render`].

pub mod args;
mod render;

use std::io::{IsTerminal, Write};

use anyhow::{Context, bail};

use crate::entity::EntityKind;
use crate::index::Archive;
use crate::index::merge::{self, MergeOptions};
use crate::ingest::{self, IngestOptions};
use crate::output;
use crate::params;
use crate::search::explore;
use crate::search::{self, Filters, SearchRequest};

use args::{Cli, ColorChoice, Command, FilterArgs, SortArg};
use render::Style;
pub use render::sanitize;

/// How a command ended, for the exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Results were found or the work was done: exit 0.
    Success,
    /// Nothing matched: exit 1.
    NoResults,
    /// The command ran but failed by the user's rules (`index --strict` with
    /// skipped files): exit 2. Its report has been printed.
    Failed,
}

impl Outcome {
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Success => 0,
            Outcome::NoResults => 1,
            Outcome::Failed => 2,
        }
    }
}

pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let stdout = std::io::stdout();
    let style = Style::new(use_color(cli.color, stdout.is_terminal()));
    if let Command::Extract(a) = &cli.command {
        // Its output is written where the extraction runs: with --threads, not on
        // this thread, so this one must not hold stdout's lock.
        return extract(a);
    }
    let mut out = std::io::BufWriter::new(stdout.lock());
    let outcome = match cli.command {
        Command::Index(a) if a.extracted.is_some() => index_extracted(&cli.index, &a, cli.color)?,
        Command::Index(a) => {
            let options = IngestOptions {
                roots: a.paths,
                index_dir: cli.index.clone(),
                max_file_size: a.max_file_size,
                rebuild: a.rebuild,
                reextract: a.reextract,
                keep_missing: a.keep_missing,
                commit_every: a.commit_every,
                progress: !a.quiet && !a.json && std::io::stderr().is_terminal(),
            };
            let report = ingest::run(&options)?;
            if a.json {
                write_json(&mut out, &output::ingest_report(&report))?;
            }
            if !a.quiet {
                let stderr = std::io::stderr();
                let err_style = Style::new(use_color(cli.color, stderr.is_terminal()));
                render::ingest_report(&mut stderr.lock(), &report, &err_style)?;
            }
            if a.strict && !report.skipped.is_empty() {
                Outcome::Failed
            } else {
                Outcome::Success
            }
        }
        Command::Extract(_) => unreachable!("handled before stdout is locked"),
        Command::Merge(a) => {
            let options = MergeOptions {
                shards: a.shards,
                out: cli.index.clone(),
                force: a.force,
            };
            let report = merge::merge(&options)?;
            if a.json {
                write_json(&mut out, &output::merge_report(&report))?;
            }
            if !a.quiet {
                render::merge_report(&mut std::io::stderr().lock(), &report)?;
            }
            Outcome::Success
        }
        Command::Search(a) => {
            let archive = Archive::open(&cli.index)?;
            let request = SearchRequest {
                query: joined(&a.query),
                filters: filters(&a.filters)?,
                sort: a.sort.map(SortArg::order),
                limit: a.limit,
                offset: a.offset,
                facets: a.facets.then_some(params::defaults::FACET_SIZE),
                exact: a.exact,
            };
            let results = search::search(&archive, &request)?;
            if a.json {
                write_json(&mut out, &output::search(&results))?;
            } else if a.jsonl {
                for hit in &results.hits {
                    serde_json::to_writer(&mut out, &output::hit(hit))?;
                    writeln!(out)?;
                }
            } else {
                render::search_text(&mut out, &results, request.offset, &style)?;
                if let Some(facets) = &results.facets {
                    render::facets_text(&mut out, facets, &style)?;
                }
            }
            found(results.total > 0)
        }
        Command::Show(a) => {
            let archive = Archive::open(&cli.index)?;
            let details = search::show(&archive, &a.key)?;
            if details.is_empty() {
                eprintln!(
                    "morgue: no article with id or path {:?} (ids are shown by `morgue search`)",
                    a.key
                );
                return Ok(Outcome::NoResults);
            }
            if a.json {
                write_json(&mut out, &output::articles(&details))?;
            } else {
                for detail in &details {
                    render::article(&mut out, detail, &style)?;
                }
            }
            Outcome::Success
        }
        Command::List(list) => entity_counts(&cli.index, &list.args, list.kind, &mut out, &style)?,
        Command::Timeline(a) => {
            let archive = Archive::open(&cli.index)?;
            let by = a.by.period();
            let query = joined(&a.query);
            let series = explore::timeline(&archive, query.as_deref(), &filters(&a.filters)?, by)?;
            if a.json {
                write_json(&mut out, &output::timeline(by, &series))?;
            } else {
                render::timeline_text(&mut out, &series, output_width(), &style)?;
            }
            found(series.iter().any(|p| p.articles > 0))
        }
        Command::Related(a) => {
            let archive = Archive::open(&cli.index)?;
            let subject = filters(&a.filters)?;
            if subject.entities.is_empty() {
                bail!(
                    "related needs a subject: --person NAME, --org NAME or --country C (or --about C)"
                );
            }
            let report = explore::related(&archive, &subject, a.limit, a.min_count)?;
            if a.json {
                write_json(&mut out, &output::related(&report))?;
            } else {
                render::related_text(&mut out, &report, &style)?;
            }
            found(report.subject_articles > 0)
        }
        Command::Completions(a) => {
            use clap::CommandFactory;
            let mut command = Cli::command();
            // Generated into memory first: clap_complete panics on a write
            // error, and a closed pipe must end quietly.
            let mut script = Vec::new();
            clap_complete::generate(a.shell, &mut command, "morgue", &mut script);
            out.write_all(&script)?;
            Outcome::Success
        }
        Command::Man => {
            use clap::CommandFactory;
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            Outcome::Success
        }
        Command::Eval(a) => {
            use crate::eval;
            if a.archive && !matches!(a.dataset, args::Dataset::Reuters) {
                bail!(
                    "--archive measures a Reuters-21578 archive (expected `morgue eval reuters --archive FILE...`)"
                );
            }
            if a.topics.is_some() && !matches!(a.dataset, args::Dataset::Reuters) {
                bail!(
                    "--topics runs searches over a Reuters-21578 archive (expected `morgue eval reuters --topics QUERIES.tsv FILE...`)"
                );
            }
            let report = match a.dataset {
                args::Dataset::Conll => eval::eval_conll(&a.files, a.errors),
                args::Dataset::Reuters if a.topics.is_some() => eval::eval_reuters_topics(
                    &a.files,
                    a.topics.as_deref().expect("guarded"),
                    a.errors,
                ),
                args::Dataset::Reuters if a.archive => {
                    eval::eval_reuters_archive(&a.files, a.judged.as_deref(), a.errors)
                }
                args::Dataset::Reuters => eval::eval_reuters(&a.files, a.errors),
                args::Dataset::Timeml => eval::eval_timeml(&a.files, a.errors),
                args::Dataset::HtmlDates | args::Dataset::HtmlText => {
                    let [dir, gold] = a.files.as_slice() else {
                        bail!(
                            "html-dates and html-text take a folder of pages and its gold file (expected `morgue eval html-dates DIR GOLD.jsonl`)"
                        );
                    };
                    if matches!(a.dataset, args::Dataset::HtmlDates) {
                        eval::eval_html_dates(dir, gold, a.errors)
                    } else {
                        eval::eval_html_text(dir, gold, a.errors)
                    }
                }
            }?;
            if a.json {
                serde_json::to_writer_pretty(&mut out, &report)?;
                writeln!(out)?;
            } else {
                write!(out, "{}", eval::render_table(&report))?;
            }
            Outcome::Success
        }
        Command::Stats(a) => {
            let archive = Archive::open(&cli.index)?;
            let stats = search::stats(&archive, params::defaults::STATS_TOP)?;
            if a.json {
                write_json(&mut out, &output::stats(&stats))?;
            } else {
                render::stats(&mut out, &stats, &style)?;
            }
            found(stats.articles > 0)
        }
        Command::Serve(a) => {
            let options =
                crate::serve::ServeOptions::new(cli.index.clone(), a.bind, a.allow_remote);
            crate::serve::check_bind(&options)?;
            if !options.bind.ip().is_loopback() {
                eprintln!(
                    "morgue: warning: serving on {}: anyone who can reach this machine can read the archive",
                    options.bind
                );
            }
            let open = a.open;
            crate::serve::run(&options, |addr| {
                let url = format!("http://{addr}/");
                // Straight to stdout, not the buffer: a caller waits for this line.
                println!(
                    "morgue serve: {url} (JSON API under {url}api/v1/; index {}; Ctrl-C stops)",
                    options.index.display()
                );
                if open && let Err(why) = crate::serve::open_in_browser(&url) {
                    eprintln!(
                        "morgue: warning: could not open a browser ({why}); open {url} yourself"
                    );
                }
            })?;
            Outcome::Success
        }
    };
    out.flush()?;
    Ok(outcome)
}

/// `morgue extract`: JSON Lines from a file or stdin, extracted lines to stdout.
fn extract(a: &args::ExtractArgs) -> anyhow::Result<Outcome> {
    let max_line = usize::try_from(a.max_line_size).unwrap_or(usize::MAX);
    // Made where it runs: with --threads, on a thread of its own pool.
    let read = || -> anyhow::Result<ingest::stream::StreamReport> {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        let mut run = |input: &mut dyn std::io::BufRead| {
            ingest::stream::extract(input, &mut out, max_line, output::extracted_line)
        };
        if a.input.as_os_str() == "-" {
            Ok(run(&mut std::io::stdin().lock())?)
        } else {
            let file = std::fs::File::open(&a.input)
                .with_context(|| format!("cannot read {}", a.input.display()))?;
            Ok(run(&mut std::io::BufReader::new(file))?)
        }
    };
    let report = match a.threads {
        Some(threads) => rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()?
            .install(read)?,
        None => read()?,
    };
    if let Some((line, message)) = &report.first_error {
        eprintln!(
            "morgue: {} of {} lines gave an error line instead of an article (the first, line {line}: {})",
            report.errors,
            report.lines,
            sanitize(message)
        );
    }
    Ok(if a.strict && report.errors > 0 {
        Outcome::Failed
    } else {
        Outcome::Success
    })
}

/// `morgue index --extracted FILE|-`: the output of `morgue extract` into the index.
fn index_extracted(
    index: &std::path::Path,
    a: &args::IndexArgs,
    color: ColorChoice,
) -> anyhow::Result<Outcome> {
    let path = a.extracted.as_deref().expect("called with --extracted");
    let stdin = path.as_os_str() == "-";
    let options = ingest::extracted::ExtractedOptions {
        index_dir: index.to_path_buf(),
        input: if stdin {
            "stdin".to_string()
        } else {
            path.display().to_string()
        },
        rebuild: a.rebuild,
        commit_every: a.commit_every,
        max_line: usize::try_from(a.max_file_size).unwrap_or(usize::MAX),
    };
    let input: Box<dyn std::io::BufRead + Send> = if stdin {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        let file =
            std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
        Box::new(std::io::BufReader::new(file))
    };
    let report = ingest::extracted::run(&options, input, output::read_extracted_line)?;
    if a.json {
        let mut out = std::io::stdout().lock();
        write_json(&mut out, &output::extracted_report(&report))?;
        out.flush()?;
    }
    if !a.quiet {
        let stderr = std::io::stderr();
        let style = Style::new(use_color(color, stderr.is_terminal()));
        render::extracted_report(&mut stderr.lock(), &report, &style)?;
    }
    Ok(if a.strict && report.lines_skipped > 0 {
        Outcome::Failed
    } else {
        Outcome::Success
    })
}

fn entity_counts(
    index: &std::path::Path,
    a: &args::EntityArgs,
    kind: EntityKind,
    out: &mut impl Write,
    style: &Style,
) -> anyhow::Result<Outcome> {
    let archive = Archive::open(index)?;
    let query = joined(&a.query);
    let counts = search::count_values(
        &archive,
        kind.spec().field,
        query.as_deref(),
        &filters(&a.filters)?,
        a.limit,
    )?;
    if a.json {
        write_json(out, &output::counts(kind, &counts))?;
    } else {
        render::counts_text(out, &counts, kind, style)?;
    }
    Ok(found(!counts.is_empty()))
}

/// A JSON value, pretty-printed, on a line of its own.
fn write_json(out: &mut impl Write, value: &serde_json::Value) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// Columns available for charts: the terminal's width, or `COLUMNS`, or 80.
fn output_width() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal()
        && let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size()
    {
        return usize::from(w);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w: &usize| *w >= 20)
        .unwrap_or(80)
}

fn found(any: bool) -> Outcome {
    if any {
        Outcome::Success
    } else {
        Outcome::NoResults
    }
}

fn joined(words: &[String]) -> Option<String> {
    let query = words.join(" ");
    (!query.trim().is_empty()).then_some(query)
}

/// Colour on a terminal unless NO_COLOR is set (https://no-color.org), or as forced.
fn use_color(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// Validates filter arguments into the search module's [`Filters`].
fn filters(a: &FilterArgs) -> anyhow::Result<Filters> {
    let values = params::FilterValues {
        entities: a.entities.clone(),
        about: a.about.clone(),
        from: a.dates.from,
        to: a.dates.to,
        on: a.dates.on,
        mentions: a.dates.mentions.clone(),
    };
    Ok(values.filters("--")?)
}

/// True when an error (or its cause) is a closed pipe: `morgue search x | head -1`.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(|e| e.io_error_kind())
                .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe)
    })
}
