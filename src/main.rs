//! The `namyab` command-line tool.
//!
//! ```text
//! namyab extract [--format json|jsonl|text|spacy|conll|brat|html] [--out DIR] [--input text|jsonl] [--jobs N]
//!                [--gazetteer FILE]... [--lossy] [--on-error report|fail|record|skip] [--line-buffered] [--progress] [FILE...]
//! namyab perturb [--gazetteer FILE]... [--lossy] [FILE...]
//! namyab fold [FILE]...
//! namyab gazetteer dump [--gazetteer FILE]...
//! namyab gazetteer check FILE...
//! ```
//!
//! Exit codes: 0 success (also when the reader of stdout went away, as with
//! `| head`); 1 some input could not be read (with `--on-error report`,
//! the default, the others are still processed; with `fail`, processing
//! stops there); 2 bad usage; 3 a gazetteer file is invalid.

use clap::{Parser, Subcommand, ValueEnum};
use namyab::Extractor;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

mod batch;
mod documents;
mod formats;

use batch::OnError;
use documents::{read_input, Failure, Format};

#[derive(Parser)]
#[command(name = "namyab", version, about = "Named entities in Persian and Arabic news, with exact offsets")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract entities from files (or standard input when none is given).
    Extract {
        /// Output format: `json` (one pretty object per input), `jsonl` (one
        /// line per input, with a `file` field), `text` (one entity per
        /// line, for a person to read), `spacy` (spaCy's `Doc.to_json()`
        /// form, one line per input), `conll` (one token a line, BIO tags
        /// and ids), `brat` (standoff `.ann`) or `html` (one right-to-left
        /// page for all inputs).
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// With `--format brat`: write `DIR/NAME.txt` and `DIR/NAME.ann` for
        /// each document, and `DIR/annotation.conf`, instead of standard
        /// output.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Also load this gazetteer file (repeatable).
        #[arg(long = "gazetteer", value_name = "FILE")]
        gazetteers: Vec<PathBuf>,
        /// Replace invalid UTF-8 bytes with U+FFFD instead of failing.
        #[arg(long)]
        lossy: bool,
        /// Input format: `text` (each file is one document) or `jsonl` (each
        /// line of each file is a document `{"id": …, "text": …}`; the output
        /// carries the `id` instead of the file name).
        #[arg(long, value_enum, default_value_t = Input::Text)]
        input: Input,
        /// Documents extracted at once, each on its own thread; output stays
        /// in input order. 0: one per core.
        #[arg(long, short = 'j', default_value_t = 1)]
        jobs: usize,
        /// What to do with an input that cannot be read or parsed: `report`
        /// it on stderr and go on (exit 1 at the end), `fail` at the first
        /// (exit 1), `record` `{"id": …, "error": …}` in its place in the
        /// output and go on (exit 0), or `skip` it with a message on stderr
        /// (exit 0). A JSONL line without an id is known as `FILE:LINE`.
        #[arg(long, value_enum, default_value_t = OnError::Report, value_name = "WHAT")]
        on_error: OnError,
        /// Flush the output after every document, so that a program feeding
        /// namyab line by line (a co-process) reads each reply at once.
        #[arg(long)]
        line_buffered: bool,
        /// Show progress on stderr even when it is not a terminal (a log
        /// line every ten seconds); on a terminal it is always shown.
        #[arg(long)]
        progress: bool,
        /// Input files; `-` or none for standard input.
        files: Vec<PathBuf>,
    },
    /// Check that your texts give the same answer however they are typed:
    /// each is rewritten 14 ways (Arabic or Persian letters, ZWNJ, harakat,
    /// tatweel, presentation forms, digits, NBSP, bidi marks after spaces or
    /// punctuation, CRLF) and the
    /// extractions compared. Exit 1 if any differs.
    Perturb {
        /// Also load this gazetteer file (repeatable).
        #[arg(long = "gazetteer", value_name = "FILE")]
        gazetteers: Vec<PathBuf>,
        /// Replace invalid UTF-8 bytes with U+FFFD instead of failing.
        #[arg(long)]
        lossy: bool,
        /// Input files; `-` or none for standard input.
        files: Vec<PathBuf>,
    },
    /// Print the text as namyab folds it (the one context-free fold that
    /// names and text share: ي/ی, ك/ک, ة/ه, أ/ا, harakat, ZWNJ, digits …),
    /// each input line on its own output line, so that tools compare names
    /// exactly as the crate does.
    Fold {
        /// Replace invalid UTF-8 bytes with U+FFFD instead of failing.
        #[arg(long)]
        lossy: bool,
        /// Input files; `-` or none for standard input.
        files: Vec<PathBuf>,
    },
    /// Inspect or check gazetteers.
    Gazetteer {
        #[command(subcommand)]
        command: GazetteerCommand,
    },
}

#[derive(Subcommand)]
enum GazetteerCommand {
    /// Print every matched variant as TSV: `id`, `type`, `surface`.
    Dump {
        /// Also load this gazetteer file (repeatable).
        #[arg(long = "gazetteer", value_name = "FILE")]
        gazetteers: Vec<PathBuf>,
    },
    /// Check gazetteer files (loaded with the defaults, whose ids they may
    /// name); prints a summary, or the first error with file and line.
    Check {
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Input {
    Text,
    Jsonl,
}

const EXIT_INPUT: u8 = 1;
const EXIT_GAZETTEER: u8 = 3;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(Failure::BrokenPipe) => ExitCode::SUCCESS,
        Err(Failure::Io(e)) => {
            eprintln!("namyab: cannot write the output: {e}");
            ExitCode::from(EXIT_INPUT)
        }
        Err(Failure::Gazetteer(e)) => {
            eprintln!("namyab: {e}");
            ExitCode::from(EXIT_GAZETTEER)
        }
    }
}

/// Builds the extractor (not the library's lazy default, so that even a bad
/// built-in gazetteer is an error message rather than a panic).
fn extractor(gazetteers: &[PathBuf]) -> Result<Extractor, Failure> {
    let mut b = Extractor::builder();
    for g in gazetteers {
        b.add_gazetteer_file(g);
    }
    b.build().map_err(Failure::Gazetteer)
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let code = match cli.command {
        Command::Extract {
            format,
            out: out_dir,
            gazetteers,
            lossy,
            input,
            jobs,
            on_error,
            line_buffered,
            progress,
            files,
        } => {
            let ex = extractor(&gazetteers)?;
            let jobs = match jobs {
                0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
                n => n,
            };
            if out_dir.is_some() && format != Format::Brat {
                use clap::CommandFactory;
                Cli::command()
                    .error(clap::error::ErrorKind::ArgumentConflict, "--out DIR goes with --format brat")
                    .exit();
            }
            let failed = formats::run(format, out_dir.as_deref(), &mut out, |format, mut w| {
                let options = batch::Options {
                    lossy,
                    jsonl: input == Input::Jsonl,
                    jobs,
                    format,
                    on_error,
                    line_buffered,
                    progress,
                };
                batch::run(&ex, files, options, &mut w)
            })?;
            // The process ends here: freeing the 80,000 variants and the
            // trie one by one would take a tenth of a one-line run.
            std::mem::forget(ex);
            if failed {
                ExitCode::from(EXIT_INPUT)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Perturb { gazetteers, lossy, files } => {
            let ex = extractor(&gazetteers)?;
            let failed = for_each_input(files, lossy, &mut out, |out, name, text| {
                let diffs = namyab::perturb::check_perturbations(&ex, text);
                if diffs.is_empty() {
                    writeln!(out, "{name}: same answer under every rewrite")?;
                }
                for (perturbation, d) in &diffs {
                    writeln!(out, "{name}: {perturbation}: {}", d.join("; "))?;
                }
                Ok(!diffs.is_empty())
            })?;
            if failed {
                ExitCode::from(EXIT_INPUT)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Fold { lossy, files } => {
            let failed = for_each_input(files, lossy, &mut out, |out, _, text| {
                for line in text.lines() {
                    writeln!(out, "{}", namyab::normalize(line).as_str().trim())?;
                }
                Ok(false)
            })?;
            if failed {
                ExitCode::from(EXIT_INPUT)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Gazetteer {
            command: GazetteerCommand::Dump { gazetteers },
        } => {
            let ex = extractor(&gazetteers)?;
            writeln!(out, "id\ttype\tsurface")?;
            for (id, kind, surface) in ex.variants() {
                writeln!(out, "{id}\t{kind}\t{surface}")?;
            }
            ExitCode::SUCCESS
        }
        Command::Gazetteer {
            command: GazetteerCommand::Check { files },
        } => {
            let mut b = Extractor::builder();
            for f in &files {
                b.add_gazetteer_file(f);
            }
            let ex = b.build().map_err(Failure::Gazetteer)?;
            let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            writeln!(
                out,
                "ok: {} ({} entities and {} variants with the defaults)",
                names.join(", "),
                ex.entity_count(),
                ex.variant_count()
            )?;
            for (id, variant) in ex.dropped_variants() {
                writeln!(
                    out,
                    "note: derived spelling `{variant}` of `{id}` dropped: it is another entity's name or a frequent common word"
                )?;
            }
            for (id, name) in ex.common_word_names() {
                writeln!(
                    out,
                    "warning: name `{name}` of `{id}` is a frequent common word: mark it `{name} [cue:CLASS]` so that it counts only after a cue, or drop it"
                )?;
            }
            ExitCode::SUCCESS
        }
    };
    out.flush()?;
    Ok(code)
}

/// Reads each input (standard input for none or `-`) and hands its name and
/// text to `f`; an input that cannot be read is reported on stderr and the
/// rest still processed. Returns whether any input failed, to be read or by
/// `f`'s own verdict.
fn for_each_input<W: Write>(
    files: Vec<PathBuf>,
    lossy: bool,
    out: &mut W,
    mut f: impl FnMut(&mut W, &str, &str) -> Result<bool, Failure>,
) -> Result<bool, Failure> {
    let files = if files.is_empty() { vec![PathBuf::from("-")] } else { files };
    let mut failed = false;
    for path in &files {
        let name = path.display().to_string();
        match read_input(path, lossy) {
            Ok(text) => failed |= f(out, &name, &text)?,
            Err(msg) => {
                out.flush()?;
                eprintln!("namyab: {name}: {msg}");
                failed = true;
            }
        }
    }
    Ok(failed)
}
