import Foundation
import SovereignCatalog
import SovereignExposure
import Synchronization

extension EngineExposure {
  /// Starts decoding the bundled catalog and then assessing its offerings as of `asOf` on
  /// another thread (`sovereign rank` calls it before parsing its arguments, which takes a core
  /// for several milliseconds). ``bundled(asOf:)`` then takes what is left of the work on the
  /// calling thread too. Call at most once.
  public static func prefetchBundled(asOf: CalendarDate) {
    BundledExposure.state.withLock { if case .none = $0 { $0 = .requested(asOf) } }
    Catalog.prefetchBundled { BundledExposure.preparation()?.work() }
  }

  /// The exposure of the bundled catalog as of `asOf`, equal to what ``init(catalog:asOf:)``
  /// computes, from the work ``prefetchBundled(asOf:)`` started (this thread takes its share of
  /// what is left); nil when nothing was started for that day: then compute it with
  /// ``init(catalog:asOf:)``. Only for the bundled catalog exactly as decoded: no `--catalog`,
  /// no assumption, no snapshot overlay (else call ``abandonPrefetch()``).
  public static func bundled(asOf: CalendarDate) -> EngineExposure? {
    guard let preparation = BundledExposure.preparation() else { return nil }
    guard preparation.engine.asOf == asOf else {
      abandonPrefetch()
      return nil
    }
    return preparation.finish().map { EngineExposure(engine: preparation.engine, prepared: $0) }
  }

  /// The assessments the build made of the bundled catalog's offerings (`EmbedCatalogTool`),
  /// decoded once per process: for ``init(catalog:asOf:madeAhead:)`` on the bundled catalog
  /// exactly as decoded (no `--catalog`, no assumption, no snapshot overlay) on a day nothing was
  /// prefetched for.
  public static var madeAtBuildTime: [ExposureArchive.Entry] { BundledExposure.assessedAhead }

  /// Stops the work ``prefetchBundled(asOf:)`` started, when its result will not be used: the
  /// other thread stops after its current offering.
  public static func abandonPrefetch() {
    BundledExposure.state.withLock { state in
      if case .preparing(let preparation) = state { preparation.abandon() }
      state = .abandoned
    }
  }
}

/// The prefetched assessments of the bundled catalog, shared by the thread that started them
/// and the one that needs them.
enum BundledExposure {
  /// The assessments the build made of the bundled catalog's offerings (`EmbedCatalogTool`);
  /// none if the embedded archive does not decode, which the tests prevent (every offering is
  /// then assessed at run time: slower, not different).
  static let assessedAhead: [ExposureArchive.Entry] = {
    guard let bytes = Data(base64Encoded: Catalog.bundledExposureArchive) else { return [] }
    return (try? bytes.withUnsafeBytes { try ExposureArchive.decode($0) }) ?? []
  }()

  enum State {
    /// No prefetch was started.
    case none
    /// Started for this day; the catalog is being decoded.
    case requested(CalendarDate)
    case preparing(ExposurePreparation)
    /// Its result will not be used.
    case abandoned
  }

  static let state = Mutex<State>(.none)

  /// The preparation, made by the first thread that asks once a prefetch was requested (the
  /// other waits for it; it waits for the catalog's decoding); nil without a prefetch, or once
  /// abandoned.
  static func preparation() -> ExposurePreparation? {
    state.withLock { state -> ExposurePreparation? in
      switch state {
      case .none, .abandoned: return nil
      case .preparing(let preparation): return preparation
      case .requested(let day):
        guard let catalog = try? Catalog.bundled() else {
          state = .abandoned
          return nil
        }
        let preparation = ExposurePreparation(catalog: catalog, asOf: day, made: assessedAhead)
        state = .preparing(preparation)
        return preparation
      }
    }
  }
}
