//! The Python extension `namyab._namyab`: a thin PyO3 layer over the
//! `namyab` crate. Extraction runs with the GIL released; results cross into
//! Python as plain dicts and lists shaped exactly like the command line's
//! JSON output for one document (`entities`, `relations`, `events`).
//!
//! The Python package (`namyab/__init__.py`) re-exports what this module
//! defines; the stubs are in `namyab/__init__.pyi`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use namyab::Extraction;
use pyo3::exceptions::{PyIsADirectoryError, PyOSError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

// Defined in Python (`namyab/_error.py`) so that it has a plain constructor,
// pickles with its attributes, and shows them in its stub.
pyo3::import_exception!(namyab._error, GazetteerError);

/// The extractor behind a Python `Extractor`: the crate's default one
/// (built once per process, shared by `namyab.extract` and every
/// `Extractor()` without gazetteers), or one built from the user's files.
enum Handle {
    Shared(&'static namyab::Extractor),
    Own(Box<namyab::Extractor>),
}

impl Handle {
    fn get(&self) -> &namyab::Extractor {
        match self {
            Handle::Shared(ex) => ex,
            Handle::Own(ex) => ex,
        }
    }
}

/// Extracts entities, events and relations from Persian and Arabic text.
#[pyclass(frozen, module = "namyab", name = "Extractor")]
struct Extractor {
    handle: Handle,
}

/// The shared default extractor, built with the GIL released (about 60 ms
/// the first time) so that other Python threads run meanwhile.
fn default_handle(py: Python<'_>) -> Handle {
    Handle::Shared(py.detach(namyab::default_extractor))
}

#[pymethods]
impl Extractor {
    /// Builds an extractor from the default gazetteers (unless `defaults`
    /// is false) and the given gazetteer files.
    #[new]
    #[pyo3(signature = (gazetteers = Vec::new(), defaults = true))]
    fn new(py: Python<'_>, gazetteers: Vec<PathBuf>, defaults: bool) -> PyResult<Extractor> {
        if gazetteers.is_empty() && defaults {
            return Ok(Extractor {
                handle: default_handle(py),
            });
        }
        for path in &gazetteers {
            // An unreadable path is an OSError (FileNotFoundError,
            // PermissionError…) with `filename` set, as Python's own `open`
            // raises it; what the loader rejects in a file is a GazetteerError.
            if let Err(e) = std::fs::File::open(path) {
                let errno = e.raw_os_error().unwrap_or(0);
                let message = e.to_string();
                let strerror = message.strip_suffix(&format!(" (os error {errno})")).unwrap_or(&message);
                return Err(PyOSError::new_err((errno, strerror.to_string(), path.display().to_string())));
            }
            if path.is_dir() {
                return Err(PyIsADirectoryError::new_err((21, "Is a directory", path.display().to_string())));
            }
        }
        let built = py.detach(|| {
            let mut builder = namyab::Extractor::builder();
            builder.defaults(defaults);
            for path in &gazetteers {
                builder.add_gazetteer_file(path);
            }
            catch_unwind(AssertUnwindSafe(|| builder.build()))
        });
        match built {
            Ok(Ok(ex)) => Ok(Extractor {
                handle: Handle::Own(Box::new(ex)),
            }),
            Ok(Err(e)) => Err(gazetteer_error(&e)),
            Err(panic) => Err(internal_error("building the extractor", &panic)),
        }
    }

    /// Extracts from one text; the result is a dict shaped like the JSON
    /// output of `namyab extract`.
    fn extract<'py>(&self, py: Python<'py>, text: String) -> PyResult<Bound<'py, PyAny>> {
        let ex = self.handle.get();
        let x = py
            .detach(|| catch_unwind(AssertUnwindSafe(|| ex.extract(&text))))
            .map_err(|panic| internal_error("extracting", &panic))?;
        to_python(py, &x)
    }

    /// Extracts from many texts on `jobs` threads (0: one per core),
    /// with the GIL released; the results come back in input order.
    #[pyo3(signature = (texts, jobs = 0))]
    fn extract_many<'py>(&self, py: Python<'py>, texts: &Bound<'py, PyAny>, jobs: i64) -> PyResult<Bound<'py, PyList>> {
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err("texts must be an iterable of str, not one str"));
        }
        let jobs = match usize::try_from(jobs) {
            Ok(0) => std::thread::available_parallelism().map_or(1, |n| n.get()),
            Ok(n) => n,
            Err(_) => return Err(PyValueError::new_err(format!("jobs must be 0 (one per core) or more, not {jobs}"))),
        };
        let texts: Vec<String> = texts
            .try_iter()?
            .map(|t| t.and_then(|t| t.extract::<String>()))
            .collect::<PyResult<_>>()?;
        let ex = self.handle.get();
        let results = py.detach(|| extract_in_order(ex, &texts, jobs));
        let list = PyList::empty(py);
        for (i, r) in results.into_iter().enumerate() {
            match r {
                Ok(x) => list.append(to_python(py, &x)?)?,
                Err(panic) => return Err(internal_error(&format!("extracting text {i}"), &panic)),
            }
        }
        Ok(list)
    }

    /// The number of entities the extractor knows.
    #[getter]
    fn entity_count(&self) -> usize {
        self.handle.get().entity_count()
    }

    /// The number of name variants it matches.
    #[getter]
    fn variant_count(&self) -> usize {
        self.handle.get().variant_count()
    }

    fn __repr__(&self) -> String {
        let ex = self.handle.get();
        format!(
            "<namyab.Extractor: {} entities, {} name variants>",
            ex.entity_count(),
            ex.variant_count()
        )
    }
}

type Panic = Box<dyn std::any::Any + Send>;

/// Extracts every text on up to `jobs` scoped threads, each taking the next
/// text from a shared counter; results are placed at their input index.
fn extract_in_order(ex: &namyab::Extractor, texts: &[String], jobs: usize) -> Vec<Result<Extraction, Panic>> {
    let one = |text: &String| catch_unwind(AssertUnwindSafe(|| ex.extract(text)));
    let jobs = jobs.min(texts.len());
    if jobs <= 1 {
        return texts.iter().map(one).collect();
    }
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<Result<Extraction, Panic>>> = (0..texts.len()).map(|_| None).collect();
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..jobs)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(text) = texts.get(i) else { break };
                        done.push((i, one(text)));
                    }
                    done
                })
            })
            .collect();
        for worker in workers {
            // `one` catches panics, so a worker itself cannot panic.
            for (i, r) in worker.join().unwrap_or_default() {
                slots[i] = Some(r);
            }
        }
    });
    slots
        .into_iter()
        .map(|slot| slot.unwrap_or_else(|| Err(Box::new("a worker thread stopped early"))))
        .collect()
}

/// An extraction as Python dicts and lists, through its serde form (the
/// same form the command line writes as JSON).
fn to_python<'py>(py: Python<'py>, x: &Extraction) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, x).map_err(|e| PyRuntimeError::new_err(format!("namyab: cannot convert the result: {e}")))
}

/// A loading error as `namyab.GazetteerError(message, file, line, column,
/// value)`; the message is the crate's own (`mine.tsv:2: column `type`: …`).
fn gazetteer_error(e: &namyab::Error) -> PyErr {
    GazetteerError::new_err((
        e.to_string(),
        e.file().to_string(),
        e.line(),
        e.column().map(str::to_string),
        e.value().map(str::to_string),
    ))
}

/// A panic inside the crate (a bug: the crate documents that extraction
/// never panics) as a RuntimeError instead of PyO3's PanicException.
fn internal_error(doing: &str, panic: &Panic) -> PyErr {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string());
    PyRuntimeError::new_err(format!(
        "namyab: internal error while {doing}: {what} (please report it with the text that caused it)"
    ))
}

/// Extracts from one text with the default extractor (built once, on first
/// use, and shared); the result is a dict shaped like the JSON output of
/// `namyab extract`.
#[pyfunction]
fn extract<'py>(py: Python<'py>, text: String) -> PyResult<Bound<'py, PyAny>> {
    Extractor {
        handle: default_handle(py),
    }
    .extract(py, text)
}

#[pymodule]
fn _namyab(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Extractor>()?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
