//! People across the archive, in the index: how every article writes its people
//! is read from columns (`person_full`, `person_lone`, `person_roles`), the
//! archive's [`Registry`] decides who each name is (see `extract::resolve`), and
//! the articles whose people change are written again. After it, `morgue people`,
//! facets, `related` and `--person` all see one person under one name: a lone
//! `Reagan` is counted, found and listed as `Ronald Reagan`.
//!
//! `morgue index` runs this after every run that changed the archive, and
//! `morgue merge` after taking in its shards (`index::merge`). It reads
//! columns only, in three passes over the live documents (counts, then the
//! profiles of namesakes, then a check of every article's people against the
//! registry), and loads just the documents it rewrites (and those naming a
//! firm, whose columns cannot tell, see pass 3). Because the registry is
//! a function of the archive's contents and every article is checked against
//! it, an archive indexed bit by bit ends up with the same people as one indexed
//! at once.

use rustc_hash::FxHashMap;
use tantivy::columnar::StrColumn;
use tantivy::{DocAddress, SegmentReader, TantivyDocument};

use super::schema;
use super::writer::ROLE_SEPARATOR;
use super::{Archive, ArchiveWriter, IndexError};
use crate::entity::EntityKind;
use crate::extract::resolve::{
    ArchiveNames, Profile, Registry, Resolved, context_features, org_name_openings,
};
use crate::ingest::FileStamp;

/// Articles rewritten at once.
const REWRITE_BATCH: usize = 512;
/// Articles rewritten between commits (see the rewrite loop).
const REWRITE_COMMIT: usize = 4096;

/// Resolves the people of the whole archive and rewrites the articles whose
/// people change, committing every [`REWRITE_COMMIT`] of them with merges held
/// back; the caller commits the rest, which lets merges go on. Returns how many
/// were rewritten.
pub fn reconcile(archive: &Archive, writer: &mut ArchiveWriter) -> Result<usize, IndexError> {
    let searcher = archive.searcher()?;
    let tantivy_err = |source| IndexError::Tantivy {
        path: archive.dir.clone(),
        source,
    };
    let mut strings = Strings::default();
    let segments: Vec<Segment> = searcher
        .segment_readers()
        .iter()
        .map(|reader| Segment::open(reader, &mut strings))
        .collect::<tantivy::Result<_>>()
        .map_err(tantivy_err)?;

    // Pass 1: how often each name is written.
    let mut names = ArchiveNames::default();
    let mut doc = DocPeople::default();
    // Openings of organisation names (`smith barney` of `Smith Barney, Harris
    // Upham and Co`), computed once per distinct organisation.
    let mut openings: FxHashMap<u32, Vec<String>> = FxHashMap::default();
    // A firm that resolution made of a name written like a person's is among
    // the article's organisations too. Counted, it would keep the name a firm
    // whatever the articles say, so that an archive indexed bit by bit, or
    // merged from shards that resolved their own people (`index::merge`),
    // would not resolve as one indexed at once. An organisation written like
    // one of the article's people counts only if the article names it so
    // itself, which its stored entities say (few articles have one).
    for (ord, segment) in segments.iter().enumerate() {
        for id in segment.live_docs() {
            segment.read(id, &mut doc);
            for &n in &doc.full {
                *names.full.entry(strings.get(n).to_string()).or_default() += 1;
            }
            for &n in &doc.lone {
                *names.lone.entry(strings.get(n).to_string()).or_default() += 1;
            }
            for &n in &doc.weak {
                *names.weak.entry(strings.get(n).to_string()).or_default() += 1;
            }
            let mut seen: Vec<String> = Vec::new();
            let mut named: Option<Vec<String>> = None;
            for &o in &doc.orgs {
                if doc.writes_person(o) {
                    let orgs = match &mut named {
                        Some(orgs) => orgs,
                        None => named.insert(
                            named_orgs(&searcher, archive, DocAddress::new(ord as u32, id))
                                .map_err(tantivy_err)?,
                        ),
                    };
                    if !orgs.iter().any(|name| name == strings.get(o)) {
                        continue;
                    }
                }
                let list = openings
                    .entry(o)
                    .or_insert_with(|| org_name_openings(strings.get(o)));
                for opening in list.iter() {
                    if !seen.contains(opening) {
                        seen.push(opening.clone());
                    }
                }
            }
            for opening in seen {
                *names.orgs.entry(opening).or_default() += 1;
            }
        }
    }
    let mut registry = Registry::build(&names);

    // Pass 2: what surrounds each namesake in the articles naming them in full.
    let profiled = registry.profiled();
    if !profiled.is_empty() {
        let mut profiles: FxHashMap<String, Profile> = FxHashMap::default();
        for segment in &segments {
            for id in segment.live_docs() {
                segment.read(id, &mut doc);
                let people = doc.full_people(&registry, &strings);
                for (written, person) in &people {
                    if !profiled.contains(*person) {
                        continue;
                    }
                    let others: Vec<&str> = people
                        .iter()
                        .map(|(_, p)| *p)
                        .filter(|p| p != person)
                        .collect();
                    let profile = profiles.entry(person.to_string()).or_default();
                    profile.articles += 1;
                    for feature in doc.features(*written, &others, &strings) {
                        *profile.features.entry(feature).or_default() += 1;
                    }
                }
            }
        }
        registry.set_profiles(profiles);
    }

    // Pass 3: the articles whose people are not what the registry says. What a
    // stale article's names become is kept as string ids (a million-article
    // archive built from scratch can have hundreds of thousands of them).
    // The columns show when an article's people change, but not when a name
    // goes from hidden to a firm or back: the people stay the same, and the
    // firm's name is among the organisations, where the article may name an
    // organisation so too. Articles with a firm, or with a name that is one
    // of their organisations, are read to be sure (`sure` is false), and
    // written again only if something changes. Without this, 9 articles of
    // the 100k benchmark archive indexed at once lacked the organisation
    // `Kingston` that the same articles merged from shards had.
    let mut names = Strings::default();
    let mut stale: Vec<Stale> = Vec::new();
    let mut outcomes: Vec<(u32, Outcome)> = Vec::new();
    for (ord, segment) in segments.iter().enumerate() {
        for id in segment.live_docs() {
            segment.read(id, &mut doc);
            let people: Vec<&str> = doc
                .full_people(&registry, &strings)
                .into_iter()
                .map(|(_, p)| p)
                .collect();
            let mut outcome = |resolved: Resolved<'_>| match resolved {
                Resolved::Person(name) => Outcome::Person(names.id(name.as_bytes())),
                Resolved::Hidden => Outcome::Hidden,
                Resolved::Firm => Outcome::Firm,
            };
            outcomes.clear();
            for &n in &doc.full {
                outcomes.push((n, outcome(registry.full_name(strings.get(n)))));
            }
            for (&n, weak) in doc
                .lone
                .iter()
                .map(|n| (n, false))
                .chain(doc.weak.iter().map(|n| (n, true)))
            {
                let written = strings.get(n);
                let context = if weak || registry.is_contested(written) {
                    doc.features(n, &people, &strings)
                } else {
                    Vec::new()
                };
                let resolved = if weak {
                    registry.weak_name(written, &context)
                } else {
                    registry.lone_name(written, &context)
                };
                outcomes.push((n, outcome(resolved)));
            }
            let mut expected: Vec<&str> = outcomes
                .iter()
                .filter_map(|(_, o)| match o {
                    Outcome::Person(name) => Some(names.get(*name)),
                    _ => None,
                })
                .collect();
            expected.sort_unstable();
            expected.dedup();
            let mut actual: Vec<&str> = doc.people.iter().map(|&p| strings.get(p)).collect();
            actual.sort_unstable();
            actual.dedup();
            let sure = expected != actual;
            let firm_unsure = outcomes
                .iter()
                .any(|(n, o)| *o == Outcome::Firm || doc.orgs.contains(n));
            if sure || firm_unsure {
                stale.push(Stale {
                    address: DocAddress::new(ord as u32, id),
                    sure,
                    outcomes: outcomes.clone(),
                });
            }
        }
    }

    // The rewrite: each stale article with its people renamed. What it needs
    // from the columns is taken now, with the article's id: documents are
    // found again by id, so merges finishing meanwhile move nothing from under
    // it. Every [`REWRITE_COMMIT`] articles the rewrites are committed and the
    // index is opened anew, so that neither the writer's memory nor the store
    // pages read (a rewrite from scratch can touch most articles of a large
    // archive) pile up; merges wait until the end.
    let mut rewrites: Vec<Rewrite> = Vec::with_capacity(stale.len());
    let mut stale = stale.into_iter().peekable();
    for (ord, segment) in segments.iter().enumerate() {
        let mut docs = Vec::new();
        let mut outcomes = Vec::new();
        while let Some(next) = stale.peek()
            && next.address.segment_ord as usize == ord
        {
            let next = stale.next().expect("peeked");
            docs.push(next.address.doc_id);
            outcomes.push((next.sure, next.outcomes));
        }
        if docs.is_empty() {
            continue;
        }
        let records = segment.records(&docs).map_err(tantivy_err)?;
        for ((id, file, version), (sure, o)) in records.into_iter().zip(outcomes) {
            rewrites.push((id, file, version, sure, o));
        }
    }
    drop(segments);
    drop(searcher);
    writer.pause_merges();
    let mut batch = Vec::with_capacity(REWRITE_BATCH);
    let mut rewritten = 0;
    for chunk in rewrites.chunks(REWRITE_COMMIT) {
        let index = tantivy::Index::open_in_dir(&archive.dir).map_err(tantivy_err)?;
        let reader: tantivy::IndexReader = index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()
            .map_err(tantivy_err)?;
        let searcher = reader.searcher();
        for (id, file, version, sure, outcomes) in chunk {
            let query = tantivy::query::TermQuery::new(
                tantivy::Term::from_field_text(archive.fields.id, id),
                tantivy::schema::IndexRecordOption::Basic,
            );
            let found = searcher
                .search(
                    &query,
                    &tantivy::collector::TopDocs::with_limit(1).order_by_score(),
                )
                .map_err(tantivy_err)?;
            let Some(&(_, address)) = found.first() else {
                continue;
            };
            let stored: TantivyDocument = searcher.doc(address).map_err(tantivy_err)?;
            let Some(mut article) = super::stored::article(&archive.fields, &stored, file.clone())
            else {
                continue;
            };
            let mut changed = *sure;
            for person in &mut article.entities.people {
                let written = person.written_name();
                let Some((_, outcome)) = outcomes.iter().find(|(n, _)| strings.get(*n) == written)
                else {
                    continue;
                };
                let (name, firm) = match outcome {
                    Outcome::Person(name) => (names.get(*name), false),
                    Outcome::Hidden => ("", false),
                    Outcome::Firm => ("", true),
                };
                if person.name != name || person.firm != firm {
                    (person.name, person.firm) = (name.to_string(), firm);
                    changed = true;
                }
            }
            if !changed {
                continue;
            }
            rewritten += 1;
            batch.push((article, *version));
            if batch.len() == REWRITE_BATCH {
                writer.rewrite(&batch)?;
                batch.clear();
            }
        }
        writer.rewrite(&batch)?;
        batch.clear();
        if chunk.len() == REWRITE_COMMIT {
            writer.commit()?;
        }
    }
    writer.resume_merges();
    writer.rewrite(&batch)?;
    Ok(rewritten)
}

/// The organisations an article names itself (not the firms resolution made
/// of its people), from its stored entities.
fn named_orgs(
    searcher: &tantivy::Searcher,
    archive: &Archive,
    address: DocAddress,
) -> tantivy::Result<Vec<String>> {
    #[derive(Default, serde::Deserialize)]
    struct Named {
        #[serde(default)]
        orgs: Vec<Org>,
    }
    #[derive(serde::Deserialize)]
    struct Org {
        name: String,
    }
    let stored: TantivyDocument = searcher.doc(address)?;
    let named: Named = super::stored::first_str(&stored, archive.fields.entities)
        .and_then(|json| serde_json::from_str(json).ok())
        .unwrap_or_default();
    Ok(named.orgs.into_iter().map(|org| org.name).collect())
}

/// An article whose people may not be what the registry says: `sure` when its
/// columns show it, else to be read to be sure (see pass 3), with what each
/// name it writes becomes.
struct Stale {
    address: DocAddress,
    sure: bool,
    outcomes: Vec<(u32, Outcome)>,
}

/// One article to write again: its id, its file's record, its extractor version,
/// whether the columns show it stale (or it is to be read to be sure), and
/// what each name it writes becomes.
type Rewrite = (String, FileStamp, u64, bool, Vec<(u32, Outcome)>);

/// What a name written in an article becomes (see [`Resolved`]), the person's
/// name as a string id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Person(u32),
    Hidden,
    Firm,
}

/// Every string met in the columns, once, by number.
#[derive(Default)]
struct Strings {
    ids: FxHashMap<String, u32>,
    values: Vec<String>,
}

impl Strings {
    fn id(&mut self, bytes: &[u8]) -> u32 {
        let s = String::from_utf8_lossy(bytes);
        if let Some(&id) = self.ids.get(s.as_ref()) {
            return id;
        }
        let id = self.values.len() as u32;
        self.values.push(s.to_string());
        self.ids.insert(s.into_owned(), id);
        id
    }

    fn get(&self, id: u32) -> &str {
        &self.values[id as usize]
    }
}

/// A string column of one segment, with its terms numbered by [`Strings`].
struct Column {
    column: Option<StrColumn>,
    ids: Vec<u32>,
}

impl Column {
    fn open(reader: &SegmentReader, name: &str, strings: &mut Strings) -> tantivy::Result<Column> {
        let column = reader.fast_fields().str(name)?;
        let mut ids = Vec::new();
        if let Some(column) = &column {
            // Streaming the dictionary reads each term once; looking ords up one by
            // one would decompress a block per document.
            let mut stream = column.dictionary().stream()?;
            while stream.advance() {
                ids.push(strings.id(stream.key()));
            }
        }
        Ok(Column { column, ids })
    }

    fn read(&self, doc: u32, out: &mut Vec<u32>) {
        out.clear();
        if let Some(column) = &self.column {
            out.extend(
                column
                    .term_ords(doc)
                    .filter_map(|ord| self.ids.get(ord as usize).copied()),
            );
        }
    }
}

/// The columns of one segment that resolution reads.
struct Segment<'a> {
    reader: &'a SegmentReader,
    full: Column,
    lone: Column,
    weak: Column,
    roles: Column,
    /// For each role term's id: the id of the name it belongs to, and its word.
    role_parts: FxHashMap<u32, (u32, u32)>,
    people: Column,
    orgs: Column,
    countries: Column,
    month: Column,
}

impl<'a> Segment<'a> {
    fn open(reader: &'a SegmentReader, strings: &mut Strings) -> tantivy::Result<Segment<'a>> {
        let mut column = |name: &str| Column::open(reader, name, strings);
        let full = column(schema::PERSON_FULL)?;
        let lone = column(schema::PERSON_LONE)?;
        let weak = column(schema::PERSON_WEAK)?;
        let roles = column(schema::PERSON_ROLES)?;
        let people = column(EntityKind::Person.spec().field)?;
        let orgs = column(EntityKind::Org.spec().field)?;
        let countries = column(EntityKind::Country.spec().field)?;
        let month = column(schema::PUBLISHED_MONTH)?;
        let mut role_parts = FxHashMap::default();
        for &id in &roles.ids {
            let role = strings.get(id).to_string();
            if let Some((name, word)) = role.split_once(ROLE_SEPARATOR) {
                let parts = (strings.id(name.as_bytes()), strings.id(word.as_bytes()));
                role_parts.insert(id, parts);
            }
        }
        Ok(Segment {
            reader,
            full,
            lone,
            weak,
            roles,
            role_parts,
            people,
            orgs,
            countries,
            month,
        })
    }

    fn live_docs(&self) -> impl Iterator<Item = u32> + '_ {
        let alive = self.reader.alive_bitset();
        (0..self.reader.max_doc()).filter(move |&doc| alive.is_none_or(|bits| bits.is_alive(doc)))
    }

    fn read(&self, doc: u32, out: &mut DocPeople) {
        self.full.read(doc, &mut out.full);
        self.lone.read(doc, &mut out.lone);
        self.weak.read(doc, &mut out.weak);
        self.people.read(doc, &mut out.people);
        self.orgs.read(doc, &mut out.orgs);
        self.countries.read(doc, &mut out.countries);
        self.month.read(doc, &mut out.month);
        self.roles.read(doc, &mut out.scratch);
        out.roles.clear();
        out.roles.extend(
            out.scratch
                .iter()
                .filter_map(|id| self.role_parts.get(id).copied()),
        );
    }

    /// For each of `docs` (in order), what rewriting it needs from the columns:
    /// its id, the record of its file, and its extractor version. Each string
    /// column's dictionary is streamed once for all of them: looking values up
    /// one by one would decompress a dictionary block per document (a third of
    /// the indexing time of a rewrite went there).
    fn records(&self, docs: &[u32]) -> tantivy::Result<Vec<(String, FileStamp, u64)>> {
        let fast = self.reader.fast_fields();
        let texts = |name: &str| -> tantivy::Result<Vec<String>> {
            let mut out = vec![String::new(); docs.len()];
            // A column that cannot be read leaves the values empty: such a file
            // is re-read by the next run, such an article not found again.
            let Some(column) = fast.str(name)? else {
                return Ok(out);
            };
            let mut wanted: Vec<(u64, usize)> = docs
                .iter()
                .enumerate()
                .filter_map(|(i, &doc)| column.term_ords(doc).next().map(|ord| (ord, i)))
                .collect();
            wanted.sort_unstable();
            let mut stream = column.dictionary().stream()?;
            let mut ord = 0u64;
            let mut next = wanted.iter().peekable();
            while next.peek().is_some() && stream.advance() {
                while let Some(&&(want, i)) = next.peek()
                    && want == ord
                {
                    out[i] = String::from_utf8_lossy(stream.key()).into_owned();
                    next.next();
                }
                ord += 1;
            }
            Ok(out)
        };
        let ids = texts(schema::ID)?;
        let keys = texts(schema::FILE_KEY)?;
        let paths = texts(schema::FILE_PATH)?;
        let hashes = texts(schema::FILE_HASH)?;
        let sizes = fast.u64(schema::FILE_SIZE).ok();
        let mtimes = fast.i64(schema::FILE_MTIME).ok();
        let versions = fast.u64(schema::EXTRACTOR_VERSION).ok();
        let mut out = Vec::with_capacity(docs.len());
        for (i, (((id, key), canonical), hash)) in
            ids.into_iter().zip(keys).zip(paths).zip(hashes).enumerate()
        {
            let doc = docs[i];
            let file = FileStamp {
                key,
                canonical,
                size: sizes.as_ref().and_then(|c| c.first(doc)).unwrap_or(0),
                mtime: mtimes.as_ref().and_then(|c| c.first(doc)).unwrap_or(0),
                hash,
            };
            let version = versions.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
            out.push((id, file, version));
        }
        Ok(out)
    }
}

/// One article's people and surroundings, as string ids.
#[derive(Default)]
struct DocPeople {
    full: Vec<u32>,
    lone: Vec<u32>,
    weak: Vec<u32>,
    /// (name, word of the office written before it).
    roles: Vec<(u32, u32)>,
    people: Vec<u32>,
    orgs: Vec<u32>,
    countries: Vec<u32>,
    month: Vec<u32>,
    scratch: Vec<u32>,
}

impl DocPeople {
    /// Whether `name` is one of the article's people as it writes them.
    fn writes_person(&self, name: u32) -> bool {
        self.full.contains(&name) || self.lone.contains(&name) || self.weak.contains(&name)
    }

    /// The article's full names that are people, each with the person it is.
    fn full_people<'a>(&self, registry: &'a Registry, strings: &'a Strings) -> Vec<(u32, &'a str)> {
        self.full
            .iter()
            .filter_map(|&n| match registry.full_name(strings.get(n)) {
                Resolved::Person(person) => Some((n, person)),
                _ => None,
            })
            .collect()
    }

    /// The context features (`extract::resolve::context_features`) of the person
    /// written `name` in this article, with `people` the other people in it.
    fn features(&self, name: u32, people: &[&str], strings: &Strings) -> Vec<String> {
        let roles: Vec<String> = self
            .roles
            .iter()
            .filter(|(n, _)| *n == name)
            .map(|&(_, word)| strings.get(word).to_string())
            .collect();
        let orgs: Vec<&str> = self.orgs.iter().map(|&o| strings.get(o)).collect();
        let countries: Vec<&str> = self.countries.iter().map(|&c| strings.get(c)).collect();
        let year = self
            .month
            .first()
            .map(|&m| &strings.get(m)[..4.min(strings.get(m).len())]);
        context_features(&roles, people, &orgs, &countries, year)
    }
}
