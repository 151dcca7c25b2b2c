"""Build a morgue archive with Spark: extract on every executor, one index shard
per partition, one Parquet dataset of the articles and their entities.

    spark-submit --master 'local[2]' --files target/release/morgue \\
        contrib/spark/morgue_spark.py corpus --out /tmp/morgue-spark

What it does, in the order data moves:

1. Lists the inputs with Hadoop's file system API (so any path Spark reads:
   a local folder, hdfs://, s3a://, a glob) and reads every file with an
   extension `morgue index` reads, whole, with Spark's `binaryFile` source.
2. Turns each file into one input line for `morgue extract`,
   `{"id", "path", "file_base64"}`: the file's bytes, which `morgue extract`
   reads with the readers `morgue index` uses for a file at `path` (text,
   Markdown, HTML, JSON, JSON Lines, WARC; several articles from one file
   where it holds several). `path` is what `morgue index` would store. A second
   set of readers in Python would drift from morgue's.
3. Pipes each partition through `morgue extract` on the executor. The binary
   travels with the job (`--files .../morgue`) and is found with SparkFiles.
4. Writes each partition's articles through `morgue index --extracted -` into
   a local temporary index, then moves it to OUT/shards/part-NNNNN.
5. Writes OUT/articles.parquet (or --parquet URI): one row per article with its
   entities, for Spark SQL, DuckDB or pandas.
6. Runs `morgue merge OUT/shards/* --index OUT/index` on the driver: the
   archive `morgue search` and `morgue serve` use.

OUT must be a path the driver and every executor see as the same local folder
(local mode, or a shared file system such as NFS on a cluster): shards are
morgue indexes, which are directories of memory-mapped files that tantivy
writes and reads through the local file system, not Hadoop paths. The Parquet
dataset can go anywhere Spark writes (--parquet hdfs://... or s3a://...).

The last line on stdout is a JSON summary (counts and timings); it is also
written to OUT/summary.json.
"""

import argparse
import base64
import hashlib
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

from pyspark import SparkFiles, StorageLevel, TaskContext
from pyspark.sql import SparkSession

# The extensions `morgue index` reads (src/ingest/formats.rs, format_for_path),
# plus WARC archives. Files with other extensions are not read, as `morgue
# index` does not read them.
ARTICLE_EXTENSIONS = (
    ".txt",
    ".text",
    ".md",
    ".markdown",
    ".html",
    ".htm",
    ".xhtml",
    ".json",
    ".jsonl",
    ".ndjson",
    ".warc",
    ".warc.gz",
)
OPEN_COST = "spark.sql.files.openCostInBytes"
# The columns of the Parquet dataset: an article line of `morgue extract`
# (contract version 1, README "Beyond one machine"), in its order. Given, not
# inferred: inference is a second pass over every line, and it cannot know a
# field no line of this input happens to have (a person's `firm`). Fields added
# to the contract later are left out until named here.
ARTICLE_SCHEMA = """
    version INT, line BIGINT, id STRING, path STRING, format STRING,
    title STRING, body STRING,
    published DATE, published_month STRING, published_partial STRING, date_source STRING,
    author STRING, source STRING, url STRING, tags ARRAY<STRING>, language STRING,
    content_hash STRING, extractor_version INT,
    people ARRAY<STRING>, orgs ARRAY<STRING>, countries ARRAY<STRING>,
    about ARRAY<STRING>, dates ARRAY<STRING>,
    entities STRUCT<
        people: ARRAY<STRUCT<name: STRING, mentions: INT, written: STRING, full: BOOLEAN,
                             forms: ARRAY<STRING>, roles: ARRAY<STRING>, weak: BOOLEAN, firm: BOOLEAN>>,
        orgs: ARRAY<STRUCT<name: STRING, mentions: INT, forms: ARRAY<STRING>>>,
        countries: ARRAY<STRUCT<code: STRING, mentions: INT, about: BOOLEAN>>,
        dates: ARRAY<STRUCT<value: STRING, text: STRING>>>,
    warnings ARRAY<STRING>
"""
GLOB_CHARS = re.compile(r"[*?\[{]")
SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB)?\s*$", re.IGNORECASE)
UNITS = {None: 1, "B": 1, "KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30}


def parse_size(text):
    """`20MB`, `500KB`, `1GB`: the forms `morgue index --max-file-size` takes."""
    m = SIZE.match(text)
    if not m:
        raise argparse.ArgumentTypeError(f'"{text}" is not a size (expected e.g. 500KB, 20MB, 1GB)')
    unit = m.group(2).upper() if m.group(2) else None
    return int(float(m.group(1)) * UNITS[unit])


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="morgue_spark.py",
        description="Extract and index article files with Spark and morgue; "
        "write a Parquet dataset, one index shard per partition, and their merge.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="folders, files or globs, any path Spark reads")
    p.add_argument("--out", required=True, help="output folder, shared by driver and executors (shards/, index/, summary.json)")
    p.add_argument("--parquet", help="where the Parquet dataset goes (default OUT/articles.parquet); any path Spark writes")
    p.add_argument("--partitions", type=int, help="partitions, hence index shards (default: Spark's default parallelism)")
    p.add_argument("--max-file-size", type=parse_size, default=parse_size("20MB"), help="skip larger files, as morgue index does (default 20MB)")
    p.add_argument("--morgue", default="morgue", help="name of the binary shipped with --files (default morgue)")
    p.add_argument("--no-merge", action="store_true", help="leave the shards; run morgue merge yourself")
    return p.parse_args(argv)


# ---------------------------------------------------------------- inputs


def has_scheme(path):
    return re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", path) is not None or path.startswith("file:")


def input_roots(spark, inputs):
    """Each input as (qualified root, root as stored in the index).

    `morgue index corpus` stores `corpus/2023/11/a.txt`: the root as typed and
    the path below it. Spark names files by qualified URI
    (`file:/home/me/corpus/2023/11/a.txt`), so every root keeps both forms,
    and a file's stored path is its URI with the qualified root swapped for the
    typed one. Globs are expanded here; a local match is stored relative to
    the working directory when the glob was, as the shell would have typed it.
    """
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    roots = []
    for arg in inputs:
        path = jvm.org.apache.hadoop.fs.Path(arg)
        fs = path.getFileSystem(conf)
        if GLOB_CHARS.search(arg):
            matches = fs.globStatus(path) or []
            if not matches:
                sys.exit(f"morgue_spark: {arg}: no file or folder matches")
            for status in matches:
                qualified = status.getPath().toString()
                if has_scheme(arg):
                    shown = qualified
                else:
                    local = status.getPath().toUri().getPath()
                    shown = local if os.path.isabs(arg) else os.path.relpath(local)
                roots.append((qualified, shown))
        else:
            if not fs.exists(path):
                sys.exit(f"morgue_spark: {arg}: no such file or directory")
            qualified = fs.makeQualified(path).toString()
            shown = arg.rstrip("/") if len(arg) > 1 else arg
            roots.append((qualified, shown))
    return roots


def stored_path(uri, roots):
    """The path `morgue index` would store for the file at `uri`."""
    best = None
    for qualified, shown in roots:
        if uri == qualified or uri.startswith(qualified.rstrip("/") + "/"):
            if best is None or len(qualified) > len(best[0]):
                best = (qualified, shown)
    if best is None:
        return uri
    qualified, shown = best
    rest = uri[len(qualified.rstrip("/")):]
    return shown + rest if rest else shown


def extension_glob(extensions):
    """A file-name glob for the extensions, in any case: `*.{[tT][xX][tT],...}`."""

    def any_case(text):
        return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in text)

    return "*.{" + ",".join(any_case(e.lstrip(".")) for e in extensions) + "}"


def is_hidden(stored):
    # morgue skips hidden files and folders (a name starting with "."); Hadoop's
    # listing already drops those and names starting with "_" (see README).
    return any(part.startswith(".") and part not in (".", "..") for part in stored.split("/"))


def article_id(uri):
    """A stable id from the file's URI: 16 hex digits, as morgue's ids.

    `morgue index` hashes the file's canonical local path with blake3, which
    Python's standard library lacks and which a remote file does not have; so
    ids here differ from a local `morgue index` of the same files, while paths,
    text, entities and counts are the same. `morgue extract` derives the ids of
    a file's articles from it when the file holds several.
    """
    return hashlib.blake2b(uri.encode("utf-8"), digest_size=8).hexdigest()


def records_of_file(uri, data, roots, counters):
    """The `morgue extract` input line of one file (see the module doc)."""
    path = stored_path(uri, roots)
    if is_hidden(path) or not path.lower().endswith(ARTICLE_EXTENSIONS):
        return
    counters["files"].add(1)
    counters["bytes"].add(len(data))
    yield json.dumps({"id": article_id(uri), "path": path, "file_base64": base64.b64encode(data).decode("ascii")})


# ---------------------------------------------------------------- running morgue on executors


def morgue_binary(name):
    """The shipped binary on this executor (or the driver).

    SparkFiles' folder differs from executor to executor and from the driver,
    which is why the pipe below finds the binary where it runs instead of
    taking a path fixed on the driver, as RDD.pipe would.
    """
    path = SparkFiles.get(name)
    if not os.path.isfile(path):
        raise RuntimeError(
            f"morgue binary {name!r} was not shipped with the job: "
            f"add --files path/to/morgue to spark-submit (looked at {path})"
        )
    if not os.access(path, os.X_OK):
        os.chmod(path, 0o755)
    return path


def pipe_lines(argv, lines, timer=None):
    """RDD.pipe's loop: feed `lines` to a process, yield its output lines.

    As RDD.pipe does, a thread writes stdin while this one reads stdout, so
    neither side can block the other. Unlike it, the command is resolved on the
    executor, stderr is kept for the error message, and a failure raises with
    what the process said.
    """
    started = time.monotonic()
    with tempfile.TemporaryFile() as stderr:
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr)

        def feed():
            try:
                for line in lines:
                    proc.stdin.write(line.encode("utf-8") + b"\n")
                proc.stdin.close()
            except BrokenPipeError:
                pass  # the process died; its exit status says why

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        for out in proc.stdout:
            yield out.rstrip(b"\n").decode("utf-8")
        writer.join()
        code = proc.wait()
        if timer is not None:
            timer.add(time.monotonic() - started)
        if code != 0:
            stderr.seek(0)
            said = stderr.read()[-2000:].decode("utf-8", "replace")
            raise RuntimeError(f"{' '.join(argv)} exited with status {code}: {said}")


def is_error_line(line):
    """`morgue extract` reports a bad input line as {"version":.., "error": {..}}.

    Inside a JSON string a quote is escaped, so `"error":` can only be a key:
    article lines, most of the output, are told apart without being parsed.
    """
    if '"error":' not in line:
        return False
    try:
        value = json.loads(line)
    except ValueError:
        return False
    return isinstance(value, dict) and "error" in value


def build_shard(shards_dir, binary_name, timer):
    """Indexes one partition's articles and moves the index to shards_dir."""

    def build(partition, lines):
        lines = iter(lines)
        first = next(lines, None)
        if first is None:
            return  # an empty partition makes no shard
        count = [0]

        def counted():
            for line in itertools.chain([first], lines):
                count[0] += 1
                yield line

        binary = morgue_binary(binary_name)
        # The index is written on the executor's local disk, where tantivy's
        # memory maps and lock files behave, then moved (or copied, across file
        # systems) to the shared folder in one piece.
        work = tempfile.mkdtemp(prefix="morgue-shard-")
        local = os.path.join(work, "index")
        started = time.monotonic()
        for _ in pipe_lines([binary, "--color", "never", "index", "--extracted", "-", "--index", local, "--quiet"], counted()):
            pass
        seconds = time.monotonic() - started
        timer.add(seconds)
        attempt = TaskContext.get().attemptNumber() if TaskContext.get() else 0
        final = os.path.join(shards_dir, f"part-{partition:05d}")
        staging = os.path.join(shards_dir, f".part-{partition:05d}-attempt-{attempt}")
        shutil.rmtree(staging, ignore_errors=True)
        try:
            os.rename(local, staging)
        except OSError:
            shutil.copytree(local, staging)
        # A retried or speculative task replaces an earlier attempt's shard.
        shutil.rmtree(final, ignore_errors=True)
        os.rename(staging, final)
        shutil.rmtree(work, ignore_errors=True)
        yield {"partition": partition, "articles": count[0], "seconds": seconds, "path": final}

    return build


# ---------------------------------------------------------------- the job


def main(argv):
    args = parse_args(argv)
    started = time.monotonic()
    spark = (
        SparkSession.builder.appName("morgue")
        # binaryFiles lists folders recursively only when told to.
        .config("spark.hadoop.mapreduce.input.fileinputformat.input.dir.recursive", "true")
        .getOrCreate()
    )
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    if not sc.getConf().contains(OPEN_COST):
        # Spark counts 4 MB for opening each file when it cuts files into
        # partitions; news articles are a few KB, so 20,000 of them came in 625
        # partitions, and the tasks' overhead made reading them take 98 s
        # instead of 8 s (64 KB: 11 partitions) on this 2-core machine.
        spark.conf.set(OPEN_COST, str(64 << 10))
    t_session = time.monotonic() - started
    out = os.path.abspath(args.out)
    shards_dir = os.path.join(out, "shards")
    index_dir = os.path.join(out, "index")
    parquet = args.parquet or os.path.join(out, "articles.parquet")
    shutil.rmtree(shards_dir, ignore_errors=True)
    shutil.rmtree(index_dir, ignore_errors=True)
    os.makedirs(shards_dir, exist_ok=True)
    binary = morgue_binary(args.morgue)  # fails early when the binary was not shipped

    roots = input_roots(spark, args.inputs)
    partitions = args.partitions or sc.defaultParallelism
    counters = {k: sc.accumulator(0) for k in ("files", "bytes")}
    extract_seconds = sc.accumulator(0.0)
    index_seconds = sc.accumulator(0.0)
    max_size = args.max_file_size
    # One extracting thread per core Spark gives a task: in local[2] two tasks
    # run at once, each with one thread, and the machine's two cores are busy.
    task_cpus = sc.getConf().get("spark.task.cpus", "1")
    # A file travels as base64, a third longer than the file.
    max_line = str(max_size * 4 // 3 + (64 << 10))
    name = args.morgue

    # The DataFrame source for binary files, not RDD binaryFiles: binaryFiles
    # deserialises the whole Hadoop configuration for every file it opens
    # (PortableDataStream): 20,000 articles were not read after 12 minutes here.
    reader = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", extension_glob(ARTICLE_EXTENSIONS))
    )
    qualified_roots = [q for q, _ in roots]
    # Filters on `length` are applied while listing: a file over the limit is
    # never read, only reported, as morgue index reports it.
    t0 = time.monotonic()
    too_large = [
        (stored_path(r.path, roots), r.length)
        for r in reader.load(qualified_roots).select("path", "length").filter(f"length > {max_size}").collect()
    ]
    t_listing = time.monotonic() - t0
    files = reader.load(qualified_roots).filter(f"length <= {max_size}").select("path", "content")
    # Each partition becomes an index shard: as many as asked for. Joining
    # partitions needs no shuffle. Fewer files than partitions (or a few large
    # JSON Lines files) are spread record by record, with a shuffle.
    if files.rdd.getNumPartitions() > partitions:
        files = files.coalesce(partitions)
    records = files.rdd.flatMap(lambda f: records_of_file(f.path, bytes(f.content), roots, counters))
    if records.getNumPartitions() < partitions:
        records = records.repartition(partitions)
    extracted = records.mapPartitions(
        lambda lines: pipe_lines(
            [morgue_binary(name), "--color", "never", "extract", "--threads", task_cpus, "--max-line-size", max_line],
            lines,
            extract_seconds,
        )
    ).persist(StorageLevel.MEMORY_AND_DISK)

    # Extraction runs once and is kept: the shards and the Parquet dataset both
    # read it, and counting here times it apart from them.
    t0 = time.monotonic()
    extracted_lines = extracted.count()
    t_extract = time.monotonic() - t0
    errors = extracted.filter(is_error_line).collect()
    articles = extracted.filter(lambda line: not is_error_line(line))

    t0 = time.monotonic()
    shards = articles.mapPartitionsWithIndex(build_shard(shards_dir, name, index_seconds)).collect()
    t_shards = time.monotonic() - t0

    t0 = time.monotonic()
    # FAILFAST: a line that does not fit the contract stops the job rather
    # than becoming a row of nulls.
    frame = spark.read.schema(ARTICLE_SCHEMA).option("mode", "FAILFAST").json(articles)
    frame.write.mode("overwrite").parquet(parquet)
    t_parquet = time.monotonic() - t0
    rows = spark.read.parquet(parquet).count()

    t_merge = None
    if shards and not args.no_merge:
        t0 = time.monotonic()
        paths = sorted(s["path"] for s in shards)
        subprocess.run([binary, "--color", "never", "merge", *paths, "--index", index_dir], check=True, stdout=sys.stderr)
        t_merge = time.monotonic() - t0

    with open(os.path.join(out, "errors.jsonl"), "w", encoding="utf-8") as f:
        for line in errors:
            f.write(line + "\n")
    articles_total = extracted_lines - len(errors)
    total = time.monotonic() - started
    summary = {
        "inputs": args.inputs,
        "partitions": partitions,
        "files": counters["files"].value,
        "files_too_large": [{"path": p, "bytes": n} for p, n in too_large],
        "bytes": counters["bytes"].value,
        "articles": articles_total,
        "errors": len(errors),
        "parquet": parquet,
        "parquet_rows": rows,
        "shards": sorted(s["path"] for s in shards),
        "shard_articles": sorted(s["articles"] for s in shards),
        "index": index_dir if t_merge is not None else None,
        "seconds": {
            "total": total,
            "session": t_session,
            "listing": t_listing,
            "extract": t_extract,
            "index_shards": t_shards,
            "parquet": t_parquet,
            "merge": t_merge,
            "extract_tasks": extract_seconds.value,
            "index_tasks": index_seconds.value,
        },
        "articles_per_sec": articles_total / total if total else None,
    }
    with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2)
    print(json.dumps(summary))
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
