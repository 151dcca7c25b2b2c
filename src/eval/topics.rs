//! Reuters-21578 topics as searches: does a query in a user's words find the
//! articles the Reuters indexers filed under the topic?
//!
//! A query file has one `topic<TAB>query` line per topic (`grain<TAB>grains`,
//! `cpi<TAB>consumer prices`; `#` starts a comment). The articles are indexed as
//! an archive (as in `archive`), each query is run as `morgue search QUERY`, and
//! the articles tagged with the topic are the answer:
//!
//! - `topic:NAME`: recall and precision of every match (all results, not only
//!   the first page), and the pooled `topics` over all queries;
//! - `mean_recall`, `mean_precision` (a query that finds nothing has precision
//!   0) and `mean_precision_at_10` (relevant articles among the first ten
//!   results, divided by ten) over the queries;
//! - the same three for tantivy's own English stemming (`en_stem` tokenizer on
//!   title and body, its query parser's default of any word matching, BM25),
//!   the peer figure the targets compare with, as `en_stem_*`, built in memory
//!   from the same article text.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::QueryParser;
use tantivy::schema::{STORED, STRING, Schema, TEXT, Value};
use tantivy::{Index, TantivyDocument, doc};

use super::archive::{ReutersArchive, newid_of};
use super::metrics::{ErrorLog, Score, flatten};
use super::{EvalError, EvalReport};
use crate::search::{self, Filters, SearchRequest};

/// Results per query that `mean_precision_at_10` looks at.
const FIRST_PAGE: usize = 10;

/// One line of a query file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicQuery {
    pub topic: String,
    pub query: String,
}

/// Reads a query file: `topic<TAB>query` lines; blank lines and lines
/// starting with `#` are skipped. `Err` names the first bad line.
pub fn read_topic_queries(text: &str) -> Result<Vec<TopicQuery>, String> {
    let mut queries = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once('\t') {
            Some((topic, query)) if !topic.trim().is_empty() && !query.trim().is_empty() => {
                queries.push(TopicQuery {
                    topic: topic.trim().to_string(),
                    query: query.trim().to_string(),
                });
            }
            _ => {
                return Err(format!(
                    "line {}: expected topic<TAB>query, found {line:?}",
                    n + 1
                ));
            }
        }
    }
    if queries.is_empty() {
        return Err("no topic<TAB>query lines".to_string());
    }
    Ok(queries)
}

/// Per-query figures of one search system.
#[derive(Default)]
struct Means {
    recall: f64,
    precision: f64,
    precision_at_10: f64,
    queries: usize,
}

impl Means {
    fn add(&mut self, relevant: &BTreeSet<String>, found: &BTreeSet<String>, first: &[String]) {
        let correct = found.intersection(relevant).count() as f64;
        if !relevant.is_empty() {
            self.recall += correct / relevant.len() as f64;
        }
        if !found.is_empty() {
            self.precision += correct / found.len() as f64;
        }
        let good = first.iter().filter(|id| relevant.contains(*id)).count();
        self.precision_at_10 += good as f64 / FIRST_PAGE as f64;
        self.queries += 1;
    }

    fn report(&self, prefix: &str, report: &mut EvalReport) {
        let n = self.queries.max(1) as f64;
        for (name, total) in [
            ("mean_recall", self.recall),
            ("mean_precision", self.precision),
            ("mean_precision_at_10", self.precision_at_10),
        ] {
            report.extra.insert(format!("{prefix}{name}"), total / n);
        }
    }
}

/// The figures described in the module docs.
pub fn eval_reuters_topics(
    files: &[PathBuf],
    queries_path: &Path,
    max_errors: usize,
) -> Result<EvalReport, EvalError> {
    let queries = read_topic_queries(&super::read_text(queries_path)?).map_err(|message| {
        EvalError::Format {
            path: queries_path.to_path_buf(),
            format: "topic queries",
            message,
        }
    })?;
    let built = ReutersArchive::build(files)?;
    let peer = EnStem::build(&built).map_err(|e| built.error(&e))?;
    let mut report = EvalReport::new("reuters21578-topics");
    report.documents = built.docs.len() as u64;
    report.bytes = built.bytes;
    report
        .extra
        .insert("index_seconds".to_string(), built.index_seconds);
    let title_of = |id: &str| {
        built
            .docs
            .iter()
            .find(|d| d.newid == id)
            .map(|d| flatten(&d.title))
            .unwrap_or_default()
    };

    let mut log = ErrorLog::new(max_errors);
    let (mut ours, mut theirs) = (Means::default(), Means::default());
    let mut pooled = Score::default();
    for TopicQuery { topic, query } in &queries {
        let relevant: BTreeSet<String> = built
            .docs
            .iter()
            .filter(|d| d.topics.iter().any(|t| t == topic))
            .map(|d| d.newid.clone())
            .collect();
        let found = built.found(Some(query), &Filters::default())?;
        let request = SearchRequest {
            query: Some(query.clone()),
            filters: Filters::default(),
            sort: None,
            limit: FIRST_PAGE,
            offset: 0,
            facets: None,
            exact: false,
        };
        let first: Vec<String> = search::search(&built.archive, &request)
            .map_err(|e| built.error(&e))?
            .hits
            .iter()
            .filter_map(|h| newid_of(&h.path))
            .collect();
        ours.add(&relevant, &found, &first);
        let score = Score {
            gold: relevant.len() as u64,
            predicted: found.len() as u64,
            correct: found.intersection(&relevant).count() as u64,
        };
        pooled.add(score);
        report.scores.insert(format!("topic:{topic}"), score);
        let quantity = format!("topic:{topic}");
        for id in first.iter().filter(|id| !relevant.contains(*id)) {
            if log.wants(&quantity, "false positive") {
                log.push(
                    &quantity,
                    "false positive",
                    &format!("NEWID={id}"),
                    query.clone(),
                    title_of(id),
                    "in the first ten".to_string(),
                );
            }
        }
        for id in relevant.difference(&found) {
            if log.wants(&quantity, "miss") {
                log.push(
                    &quantity,
                    "miss",
                    &format!("NEWID={id}"),
                    query.clone(),
                    title_of(id),
                    String::new(),
                );
            }
        }

        let (found, first) = peer.search(query).map_err(|e| built.error(&e))?;
        theirs.add(&relevant, &found, &first);
    }
    report.scores.insert("topics".to_string(), pooled);
    ours.report("", &mut report);
    theirs.report("en_stem_", &mut report);
    report.errors = log.examples;
    Ok(report)
}

/// tantivy with its English stemming analyzer over the same articles.
struct EnStem {
    index: Index,
    parser: QueryParser,
    newid: tantivy::schema::Field,
}

impl EnStem {
    fn build(built: &ReutersArchive) -> tantivy::Result<EnStem> {
        let mut schema = Schema::builder();
        let newid = schema.add_text_field("newid", STRING | STORED);
        let options = TEXT.set_indexing_options(
            tantivy::schema::TextFieldIndexing::default()
                .set_tokenizer("en_stem")
                .set_index_option(tantivy::schema::IndexRecordOption::WithFreqsAndPositions),
        );
        let title = schema.add_text_field("title", options.clone());
        let body = schema.add_text_field("body", options);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer(100_000_000)?;
        for d in &built.docs {
            let dateline = d.dateline.trim();
            writer.add_document(doc!(
                newid => d.newid.clone(),
                title => d.title.trim().to_string(),
                body => format!("{dateline} - {}", d.body.trim()),
            ))?;
        }
        writer.commit()?;
        let parser = QueryParser::for_index(&index, vec![title, body]);
        Ok(EnStem {
            index,
            parser,
            newid,
        })
    }

    /// Every match and the first ten by score, as NEWIDs.
    fn search(&self, query: &str) -> tantivy::Result<(BTreeSet<String>, Vec<String>)> {
        let query = self.parser.parse_query(query)?;
        let searcher = self.index.reader()?.searcher();
        let id = |address| -> tantivy::Result<String> {
            let doc: TantivyDocument = searcher.doc(address)?;
            Ok(doc
                .get_first(self.newid)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string())
        };
        let mut found = BTreeSet::new();
        for address in searcher.search(&query, &DocSetCollector)? {
            found.insert(id(address)?);
        }
        let mut first = Vec::new();
        for (_, address) in
            searcher.search(&query, &TopDocs::with_limit(FIRST_PAGE).order_by_score())?
        {
            first.push(id(address)?);
        }
        Ok((found, first))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_files_parse_and_bad_lines_are_named() {
        let text = "# topic\tquery\n\ngrain\tgrains\ncpi\tconsumer prices\n";
        let queries = read_topic_queries(text).unwrap();
        assert_eq!(
            queries,
            [
                TopicQuery {
                    topic: "grain".into(),
                    query: "grains".into()
                },
                TopicQuery {
                    topic: "cpi".into(),
                    query: "consumer prices".into()
                }
            ]
        );
        let err = read_topic_queries("grain grains\n").unwrap_err();
        assert!(err.starts_with("line 1: expected topic<TAB>query"), "{err}");
        assert!(read_topic_queries("# nothing\n").is_err());
    }

    #[test]
    fn means_count_an_empty_result_as_precision_zero() {
        let set = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        let mut means = Means::default();
        let first: Vec<String> = vec!["1".into(), "9".into()];
        means.add(&set(&["1", "2"]), &set(&["1", "9"]), &first);
        means.add(&set(&["3"]), &set(&[]), &[]);
        let mut report = EvalReport::new("t");
        means.report("", &mut report);
        assert_eq!(report.extra["mean_recall"], 0.25);
        assert_eq!(report.extra["mean_precision"], 0.25);
        assert_eq!(report.extra["mean_precision_at_10"], 0.05);
    }
}
