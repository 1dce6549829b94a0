import Dispatch
import Synchronization

extension Catalog {
  /// The catalog shipped with this version of `sovereign`: `data/`, validated and compiled at
  /// build time (an invalid `data/` fails the build), so it loads without YAML parsing and
  /// needs no file beside the binary. Decoded once per process.
  ///
  /// - Throws: ``DiagnosticList`` only if the embedded form cannot be decoded, which the build
  ///   and the test suite prevent.
  public static func bundled() throws(DiagnosticList) -> Catalog {
    switch BundledCatalog.decoded {
    case .success(let catalog): return catalog
    case .failure(let error): throw error
    }
  }

  /// Decodes the embedded compiled form (``bundled()`` does it once per process and keeps the
  /// result; `sovereign-bench phases` calls this to time the decoding).
  public static func decodeBundledAgain(workers: Int = ProcessorCount.active) throws -> Catalog {
    try CompiledCatalog.decode(base64: EmbeddedCatalogFiles.compiled, workers: workers)
  }

  /// Starts decoding the bundled catalog on another thread, so that a later ``bundled()`` finds
  /// it ready (or waits for the rest): the command line starts it before parsing its arguments.
  /// That decoding takes one core: the arguments are parsed on the other one meanwhile (on two
  /// cores, a decoding on both slowed the parsing, which is what `sovereign rank` waits for).
  ///
  /// `then` runs on that thread after the decoding (`sovereign rank` starts assessing the
  /// offerings there, see `EngineExposure.prefetchBundled(asOf:)`).
  public static func prefetchBundled(then: (@Sendable () -> Void)? = nil) {
    BundledCatalog.prefetching.store(true, ordering: .releasing)
    DispatchQueue.global(qos: .userInitiated).async {
      _ = BundledCatalog.decoded
      then?()
    }
  }

  /// The assessments of the bundled catalog's offerings whose verdicts no date changes, made by
  /// the exposure engine at build time, in `ExposureArchive`'s form (base64). Read by
  /// `EngineExposure.bundled(asOf:)`, which dates them instead of assessing those offerings again.
  package static var bundledExposureArchive: String { EmbeddedCatalogFiles.exposure }

  /// The raw files of the bundled catalog, paths relative to `data/` (read by the CSF
  /// calculator, the source list of `refresh`, and `CatalogLoader.load(files:)` for the strict path).
  public static var bundledFiles: [CatalogFile] {
    EmbeddedCatalogFiles.files.map {
      CatalogFile(relativePath: $0.path, displayPath: "data/" + $0.path, contents: Array($0.contents.utf8))
    }
  }
}

/// The decoded compiled catalog, computed on first use.
enum BundledCatalog {
  /// Set by ``Catalog/prefetchBundled()``: the decoding then runs on one thread.
  static let prefetching = Atomic<Bool>(false)

  static let decoded: Result<Catalog, DiagnosticList> = {
    do {
      let workers = prefetching.load(ordering: .acquiring) ? 1 : ProcessorCount.active
      return .success(try Catalog.decodeBundledAgain(workers: workers))
    } catch {
      return .failure(
        DiagnosticList([
          Diagnostic(
            "the compiled bundled catalog does not decode: \(error)", at: SourceLocation(file: "data/"),
            hint: "rebuild sovereign; the build compiles data/ into the binary")
        ]))
    }
  }()
}
