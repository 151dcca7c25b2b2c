//! Command-line arguments, as clap sees them. [`super::run`] validates them
//! into the library's plain request structs; nothing else uses these types.

use std::path::PathBuf;

use clap::{Arg, ArgAction, ArgMatches, Args, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::entity::{EntityKind, KINDS, PerKind};
use crate::extract::dates::PartialDate;
use crate::params;
use crate::search::SortOrder;
use crate::search::explore::Period;

#[derive(Debug, Parser)]
#[command(
    name = "morgue",
    version,
    max_term_width = 100,
    about = "A searchable local news archive: index a directory of articles, then search it by words, people, countries and dates.",
    after_help = "Examples:\n  morgue index corpus\n  morgue search \"prime minister\" --country iraq\n  morgue search --person Blinken --from 2023-11 --to 2024\n  morgue people --country IL --limit 20\n\nExit status: 0 results or success, 1 no results, 2 error."
)]
pub struct Cli {
    /// Index directory.
    #[arg(
        long,
        global = true,
        env = "MORGUE_INDEX",
        hide_env_values = true,
        default_value = "index",
        value_name = "DIR"
    )]
    pub index: PathBuf,

    /// When to use colour: auto (only on a terminal, and not with NO_COLOR), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index (or re-index) directories of articles.
    #[command(
        after_help = "Examples:\n  morgue index                    # indexes ./corpus into ./index\n  morgue index ~/news ~/wires --index ~/news-index\n  morgue index corpus --json      # machine-readable report on stdout\n  morgue index --extracted extracted.jsonl   # the output of morgue extract\n\nReads .txt, .md/.markdown, .html/.htm, .json, .jsonl/.ndjson and .warc/.warc.gz files.\nFiles that cannot be read are listed with a reason; the rest is indexed.\nExit status: 0 when the run completed, 2 when it failed (or, with --strict, when any file was skipped)."
    )]
    Index(IndexArgs),
    /// Extract articles read as JSON Lines: one line per article, with everything indexing finds in it.
    #[command(
        after_help = "Examples:\n  morgue extract < articles.jsonl > extracted.jsonl\n  morgue extract wires.jsonl --threads 2 | morgue index --extracted -\n  echo '{\"id\": \"a1\", \"title\": \"Talks\", \"body\": \"BAGHDAD, Nov. 5 - ...\"}' | morgue extract\n\nEach input line is an article object with the fields `morgue index` reads in .jsonl\nfiles (title/headline, body/text/content, date/published..., url, author, source,\ntags), and optionally `id` (derived from the line when absent) and `path` (shown\nas the article's path, and read for a date like a file's path; default stdin).\nA line {\"path\", \"file_base64\"} carries a whole file instead, read as `morgue index`\nreads a file at that path: one output line per article in it.\nEach output line is the article with its publication date, people, organisations,\ncountries, mentioned dates and cleaned text (see the README, \"Beyond one machine\"),\nor {\"version\", \"line\", \"id\", \"error\": {\"message\"}} for a line that is not an\narticle. Output is in input order; blank lines give none.\nExit status: 0 when the input was read to the end (error lines included), 2 on a\nread or write failure (or, with --strict, when any line was an error)."
    )]
    Extract(ExtractArgs),
    /// Merge index shards built apart into one archive, written to --index.
    #[command(
        after_help = "Examples:\n  morgue merge shards/part-0 shards/part-1 shards/part-2 --index archive\n  morgue merge shards/* --index archive --force   # replace the archive there\n  morgue merge shards/* --index archive --json    # machine-readable report on stdout\n\nEach shard is an index written by `morgue index` (with this morgue's index format) from\nits own files: a file in two shards is an error. The archive goes to --index DIR, which\nmust be missing or empty (or hold an index to replace, with --force). People are resolved\nagain across the merged archive, so it finds, counts and lists as one index of all the\narticles would, and `morgue index` keeps it up to date from there. The shards are only\nread; nothing is written when one is refused.\nExit status: 0 when the archive was merged, 2 on error."
    )]
    Merge(MergeArgs),
    /// Search articles by words, people, organisations, countries and dates.
    #[command(
        after_help = "Query language:\n  ceasefire talks          both words (AND is the default), in any form (talk, talking)\n  =sanctions               this form of the word only (also: --exact for every word)\n  \"prime minister\"         a phrase, as written\n  gaza OR ukraine          either\n  talks -ukraine           exclude a word\n  title:visit person:sudani country:iq   search one field\n\nExamples:\n  morgue search Blinken\n  morgue search --person \"al-Sudani\" --country iraq\n  morgue search ceasefire --from 2023-10 --to 2023-12 --sort newest\n  morgue search --mentions 2023-10-23 --json\n\nExit status: 0 when something matched, 1 when nothing did, 2 on error."
    )]
    Search(SearchArgs),
    /// Show one article: metadata, people, countries, dates and full text.
    #[command(
        after_help = "Examples:\n  morgue show 3f9a1c2b7d4e5f60\n  morgue show corpus/2023/11/blinken-baghdad-visit.txt --json"
    )]
    Show(ShowArgs),
    /// `morgue people`, `morgue orgs`, `morgue countries`: one per entity kind.
    #[command(flatten)]
    List(ListCommand),
    /// Articles per year, month, week or day, as a bar chart.
    #[command(
        after_help = "Examples:\n  morgue timeline --person Blinken\n  morgue timeline ceasefire --by week --from 2023-10 --to 2024-03\n  morgue timeline --country UA --by year --json\n\nEmpty periods between the first and the last are shown as zero."
    )]
    Timeline(TimelineArgs),
    /// People, organisations and countries that appear in the same articles as a subject.
    #[command(
        after_help = "Examples:\n  morgue related --person Blinken\n  morgue related --country IL --from 2024 --limit 20\n  morgue related --org OPEC --min-count 1 --json\n\nLift: how many times more often than chance a value shares an article with the\nsubject, (together / subject articles) / (overall / all articles). Ranked by the\nlift the counts support with 95% confidence (lift>=), so that a name seen twice\ndoes not outrank one seen together 26 times. Values seen together fewer than\n--min-count times are left out."
    )]
    Related(RelatedArgs),
    /// Print shell completions (bash, zsh, fish, elvish, powershell) to stdout.
    #[command(
        after_help = "Examples:\n  morgue completions bash > ~/.local/share/bash-completion/completions/morgue\n  morgue completions zsh > ~/.zfunc/_morgue\n  morgue completions fish > ~/.config/fish/completions/morgue.fish"
    )]
    Completions(CompletionsArgs),
    /// Print the manual page (roff) to stdout.
    #[command(after_help = "Examples:\n  morgue man > morgue.1 && man ./morgue.1")]
    Man,
    /// Measure extraction against gold data (CoNLL, Reuters, TimeML, web pages).
    #[command(
        after_help = "Examples:\n  morgue eval conll ../shared/data/conll2003/eng.testa\n  morgue eval reuters ../shared/data/reuters21578/reut2-00*.sgm --json\n  morgue eval timeml ../shared/data/tempeval3/TBAQ-cleaned/TimeBank/*.tml --errors 20\n  morgue eval html-dates pages/ ../shared/data/htmlpages/dates/gold.jsonl\n\nconll: person and organisation mentions, exact-span precision/recall/F1 against PER and ORG.\nreuters: document-level countries (all mentions, and those the article is about) and people tags;
  with --archive, people and historical-country searches across an archive built from the files;\n  with --topics QUERIES.tsv, one search per topic against the articles tagged with it.\ntimeml: calendar dates (YYYY, YYYY-MM, YYYY-MM-DD): detection by overlap, and value accuracy.\nhtml-dates: publication day of each page (accuracy, coverage, precision).\nhtml-text: main text against snippets that must and must not be in it (pooled P/R/F1, per-page means)."
    )]
    Eval(EvalArgs),
    /// Figures about the archive: articles, dates, formats, top people and countries.
    #[command(after_help = "Examples:\n  morgue stats\n  morgue stats --json")]
    Stats(StatsArgs),
    /// Serve the archive in a web browser and as a JSON API (read only) until stopped.
    #[command(
        after_help = "Examples:\n  morgue serve --open\n  morgue serve --index ~/news-index --bind 127.0.0.1:8080\n  curl 'http://127.0.0.1:7878/api/v1/search?q=ceasefire&country=IL&limit=5'\n\nEndpoints under /api/v1/: search, articles/ID, people, orgs, countries, timeline,\nrelated, stats. Parameters are named after the flags of the commands: q for the\nquery, then person, org, country, about, from, to, on, mentions, sort, limit,\noffset, by. The pages take the same parameters: /?q=...&person=..., /articles/ID,\n/people/NAME, /orgs/NAME, /countries/CODE. New commits of a concurrent\n`morgue index` are served without a restart."
    )]
    Serve(ServeArgs),
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Directories or files to index.
    #[arg(value_name = "PATH", default_value = "corpus")]
    pub paths: Vec<PathBuf>,
    /// Delete the index and build it again from scratch.
    #[arg(long)]
    pub rebuild: bool,
    /// Re-read and re-extract every file, even those that did not change.
    #[arg(long)]
    pub reextract: bool,
    /// Keep the articles of files that were deleted (by default they are removed).
    #[arg(long)]
    pub keep_missing: bool,
    /// Commit after every N articles (and at least every 30 seconds), so an
    /// interrupted run keeps what it had done.
    #[arg(long, value_name = "N", default_value_t = crate::ingest::DEFAULT_COMMIT_EVERY, value_parser = params::positive)]
    pub commit_every: usize,
    /// Exit with status 2 if any file (with --extracted: any line) was skipped.
    #[arg(long)]
    pub strict: bool,
    /// Print the report as JSON on stdout.
    #[arg(long)]
    pub json: bool,
    /// Skip files (with --extracted: lines) larger than this (e.g. 500KB, 20MB, 1GB); in WARC files, pages.
    #[arg(long, value_name = "SIZE", default_value = "20MB", value_parser = parse_size)]
    pub max_file_size: u64,
    /// Index the output of `morgue extract` (a file, or - for stdin) without
    /// extracting again; an article replaces the one with the same id.
    #[arg(long, value_name = "FILE|-", conflicts_with_all = ["paths", "reextract", "keep_missing"])]
    pub extracted: Option<PathBuf>,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// JSON Lines file to read; - (the default) reads stdin.
    #[arg(value_name = "FILE", default_value = "-")]
    pub input: PathBuf,
    /// Threads extracting at once [default: one per core].
    #[arg(long, value_name = "N", value_parser = params::positive)]
    pub threads: Option<usize>,
    /// Lines longer than this give an error line (e.g. 500KB, 20MB).
    #[arg(long, value_name = "SIZE", default_value = "20MB", value_parser = parse_size)]
    pub max_line_size: u64,
    /// Exit with status 2 if any line gave an error line.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Index directories to merge, each written by `morgue index`.
    #[arg(value_name = "SHARD", required = true)]
    pub shards: Vec<PathBuf>,
    /// Replace the index at --index if there is one (by default that is an error).
    #[arg(long)]
    pub force: bool,
    /// Print the report as JSON on stdout.
    #[arg(long)]
    pub json: bool,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Filters shared by `search`, `timeline`, `related` and the listing commands.
/// The entity flags (`--person`, `--org`, `--country`, `--about`) come from the
/// kinds table, see [`crate::entity::KINDS`].
#[derive(Debug, Clone, Default)]
pub struct FilterArgs {
    /// The values given to each kind's flag; codes already resolved (`iraq` is `IQ`).
    pub entities: PerKind<Vec<String>>,
    /// The values given to each kind's about flag (`--about`).
    pub about: PerKind<Vec<String>>,
    pub dates: DateFilterArgs,
}

impl FromArgMatches for FilterArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let values = |id: &str| -> Vec<String> {
            matches
                .get_many::<String>(id)
                .map(|v| v.cloned().collect())
                .unwrap_or_default()
        };
        Ok(FilterArgs {
            entities: PerKind::from_fn(|kind| values(kind.spec().flag)),
            about: PerKind::from_fn(|kind| kind.spec().about_flag.map(values).unwrap_or_default()),
            dates: DateFilterArgs::from_arg_matches(matches)?,
        })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = FilterArgs::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Args for FilterArgs {
    fn augment_args(mut command: clap::Command) -> clap::Command {
        for spec in &KINDS {
            let arg = |id: &'static str, help: &'static str| {
                let arg = Arg::new(id)
                    .long(id)
                    .value_name(spec.value_name)
                    .help(help)
                    .action(ArgAction::Append);
                let kind = spec.kind;
                arg.value_parser(move |s: &str| params::entity_value(kind, s))
            };
            command = command.arg(arg(spec.flag, spec.filter_help));
            if let Some(flag) = spec.about_flag {
                command = command.arg(arg(flag, spec.about_help));
            }
        }
        DateFilterArgs::augment_args(command)
    }

    fn augment_args_for_update(command: clap::Command) -> clap::Command {
        FilterArgs::augment_args(command)
    }
}

// Filters on publication and mentioned dates (a plain comment: clap would take
// a doc comment for the help text of commands that include these arguments).
#[derive(Debug, Args, Clone, Default)]
pub struct DateFilterArgs {
    /// Published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD; a partial date means its first day).
    #[arg(long, value_name = "DATE", value_parser = params::date, conflicts_with = "on")]
    pub from: Option<PartialDate>,
    /// Published on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD; a partial date means its last day).
    #[arg(long, value_name = "DATE", value_parser = params::date, conflicts_with = "on")]
    pub to: Option<PartialDate>,
    /// Published on DATE (a year or month means the whole year or month).
    #[arg(long, value_name = "DATE", value_parser = params::date)]
    pub on: Option<PartialDate>,
    /// Only articles that mention DATE in their text (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = params::date)]
    pub mentions: Vec<PartialDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    Relevance,
    Newest,
    Oldest,
}

impl SortArg {
    /// The order this value names, looked up by name in [`params::SORTS`], the
    /// table the HTTP API parses `sort` with, so that both mean the same.
    pub fn order(self) -> SortOrder {
        let value = self
            .to_possible_value()
            .expect("no --sort value is skipped");
        params::sort(value.get_name()).expect("every --sort value is in params::SORTS")
    }
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words, "phrases", OR, -exclusions, field:value (title, body, person, org, country).
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Order of results [default: relevance with a query, newest without].
    #[arg(long, value_enum)]
    pub sort: Option<SortArg>,
    /// Number of results to show.
    #[arg(long, short = 'n', default_value_t = params::defaults::SEARCH_LIMIT, value_name = "N")]
    pub limit: usize,
    /// Skip the first N results.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,
    /// Print results as one JSON object.
    #[arg(long, conflicts_with = "jsonl")]
    pub json: bool,
    /// Print one JSON object per result, one per line.
    #[arg(long)]
    pub jsonl: bool,
    /// Also show the top people, organisations, countries and months of all matching articles.
    #[arg(long)]
    pub facets: bool,
    /// Match words only in the form typed (`sanctions` does not find `sanction`).
    #[arg(long)]
    pub exact: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeriodArg {
    Year,
    Month,
    Week,
    Day,
}

impl PeriodArg {
    /// The period this value names, looked up in [`params::PERIODS`] (see [`SortArg::order`]).
    pub fn period(self) -> Period {
        let value = self.to_possible_value().expect("no --by value is skipped");
        params::period(value.get_name()).expect("every --by value is in params::PERIODS")
    }
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Count only articles matching this query.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Length of one bar.
    #[arg(long, value_enum, default_value_t = PeriodArg::Month)]
    pub by: PeriodArg,
    /// Print the series as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RelatedArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Entries to show per list.
    #[arg(long, short = 'n', default_value_t = params::defaults::RELATED_LIMIT, value_name = "N")]
    pub limit: usize,
    /// Leave out values seen together with the subject fewer than N times.
    #[arg(long, default_value_t = params::defaults::RELATED_MIN_COUNT, value_name = "N")]
    pub min_count: u64,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// Shell to write completions for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Article id (from search results) or the file's path.
    #[arg(value_name = "ID|PATH")]
    pub key: String,
    #[arg(long)]
    pub json: bool,
}

/// A listing command, `morgue people`, `morgue orgs` or `morgue countries`: one
/// per row of the kinds table, with the same arguments.
#[derive(Debug)]
pub struct ListCommand {
    pub kind: EntityKind,
    pub args: EntityArgs,
}

impl FromArgMatches for ListCommand {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let missing = || clap::Error::new(clap::error::ErrorKind::MissingSubcommand);
        let (name, sub) = matches.subcommand().ok_or_else(missing)?;
        let kind = EntityKind::from_plural(name).ok_or_else(missing)?;
        Ok(ListCommand {
            kind,
            args: EntityArgs::from_arg_matches(sub)?,
        })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = ListCommand::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Subcommand for ListCommand {
    fn augment_subcommands(mut command: clap::Command) -> clap::Command {
        for spec in &KINDS {
            // The about text goes on last: augmenting sets one from the arguments' docs.
            let list = EntityArgs::augment_args(clap::Command::new(spec.plural))
                .about(spec.list_help)
                .after_help(spec.list_examples);
            command = command.subcommand(list);
        }
        command
    }

    fn augment_subcommands_for_update(command: clap::Command) -> clap::Command {
        ListCommand::augment_subcommands(command)
    }

    fn has_subcommand(name: &str) -> bool {
        EntityKind::from_plural(name).is_some()
    }
}

#[derive(Debug, Args)]
pub struct EntityArgs {
    /// Count only in articles matching this query.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Number of entries to show.
    #[arg(long, short = 'n', default_value_t = params::defaults::LIST_LIMIT, value_name = "N")]
    pub limit: usize,
    /// Print the list as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Dataset {
    /// CoNLL-2003 NER files (TOKEN POS CHUNK NER, IOB1).
    Conll,
    /// Reuters-21578 SGML files (reut2-*.sgm).
    Reuters,
    /// TimeML files (.tml, TempEval-3 / TimeBank).
    Timeml,
    /// Saved web pages with gold publication days: DIR GOLD.jsonl.
    HtmlDates,
    /// Saved web pages with gold text snippets: DIR GOLD.jsonl.
    HtmlText,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Format of the gold data.
    #[arg(value_enum)]
    pub dataset: Dataset,
    /// Gold files to score against (html-dates, html-text: the folder of pages, then
    /// its gold.jsonl).
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Print the figures as JSON.
    #[arg(long)]
    pub json: bool,
    /// Print up to N false positives and misses (per quantity and kind) with context.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub errors: usize,
    /// reuters: build an archive of the articles and measure what a user sees
    /// across it (people list, --person and --country searches).
    #[arg(long)]
    pub archive: bool,
    /// With --archive: a judged people list (name<TAB>person|duplicate|wrong), for
    /// the precision of the top 100 and 300 entries.
    #[arg(long, value_name = "FILE", requires = "archive")]
    pub judged: Option<PathBuf>,
    /// reuters: build an archive of the articles and run one search per line of
    /// FILE (topic<TAB>query), scored against the articles tagged with the topic.
    #[arg(long, value_name = "FILE", conflicts_with = "archive")]
    pub topics: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on (port 0 picks a free one).
    #[arg(long, value_name = "ADDR:PORT", default_value = crate::serve::DEFAULT_BIND, value_parser = crate::serve::parse_bind)]
    pub bind: std::net::SocketAddr,
    /// Allow an address other machines can reach (anyone who can connect reads the archive).
    #[arg(long)]
    pub allow_remote: bool,
    /// Open the search page in the default web browser once the server listens.
    #[arg(long)]
    pub open: bool,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[arg(long)]
    pub json: bool,
}

/// `20MB`, `500KB`, `1GB`, `1048576`: a size in bytes with an optional unit.
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim().to_ascii_uppercase();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let multiplier: u64 = match unit.trim() {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => 1024,
        "M" | "MB" | "MIB" => 1024 * 1024,
        "G" | "GB" | "GIB" => 1024 * 1024 * 1024,
        _ => 0,
    };
    match digits.parse::<u64>() {
        Ok(n) if multiplier > 0 && n > 0 => n
            .checked_mul(multiplier)
            .ok_or_else(|| format!("{s:?} is too large")),
        _ => Err(format!(
            "{s:?} is not a size (expected a number with an optional unit: 500KB, 20MB, 1GB)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        let cases: &[(&str, Option<u64>)] = &[
            ("20MB", Some(20 * 1024 * 1024)),
            ("500kb", Some(500 * 1024)),
            ("1GB", Some(1024 * 1024 * 1024)),
            ("4096", Some(4096)),
            ("0", None),
            ("twenty", None),
            ("20 parsecs", None),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_size(input).ok(), *expected, "{input}");
        }
    }

    #[test]
    fn every_sort_and_period_value_has_a_meaning() {
        for value in SortArg::value_variants() {
            value.order();
        }
        for value in PeriodArg::value_variants() {
            value.period();
        }
        assert_eq!(SortArg::Oldest.order(), SortOrder::Oldest);
        assert_eq!(PeriodArg::Week.period(), Period::Week);
    }

    #[test]
    fn clap_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
