import Dispatch
import SovereignCatalog
import SovereignExposure
import Synchronization

/// The assessments of a catalog's offerings (``EngineExposure``'s prepared readings) shared out
/// among whichever threads call ``work()``: each takes the next offering nobody has taken yet.
/// A thread can start on them before anyone needs them (``EngineExposure/prefetchBundled(asOf:)``)
/// and the thread that needs them joins in with ``finish()``, so that the work started early is
/// not done twice and what is left runs on both. Each assessment is a pure function of the
/// catalog, the day and the offering: the result does not depend on who computed what.
final class ExposurePreparation: @unchecked Sendable {
  // @unchecked: `slots` is written only by the thread that took the index (once), and read only
  // after `finished` says every index is written (the semaphore orders the two).
  let engine: ExposureEngine
  private let offerings: [Offering]
  private let laws: [Law]
  private let slots: UnsafeMutableBufferPointer<EngineExposure.Prepared?>
  /// The next index to take; at `offerings.count` or beyond, nothing is left to take.
  private let next = Atomic<Int>(0)
  /// How many indices are written or given up.
  private let settled = Atomic<Int>(0)
  /// Signalled once, by the thread that settles the last index.
  private let finished = DispatchSemaphore(value: 0)

  /// Assessments made ahead of time, by offering id: one made on the basis the offering has on
  /// the day is dated instead of made again (``ExposureEngine/assessment(of:from:)``).
  private let made: [String: [ExposureArchive.Entry]]

  /// `made`: assessments of `catalog`'s offerings made ahead of time by the exposure engine on
  /// that catalog (the bundled catalog's, made at build time).
  init(catalog: Catalog, asOf: CalendarDate?, made: [ExposureArchive.Entry] = []) {
    engine = ExposureEngine(catalog: catalog, asOf: asOf)
    self.made = Dictionary(grouping: made, by: \.assessment.offeringID)
    offerings = catalog.offerings
    laws = catalog.laws
    slots = .allocate(capacity: offerings.count)
    slots.initialize(repeating: nil)
    if offerings.isEmpty { finished.signal() }
  }

  /// How many offerings there are to assess.
  var count: Int { offerings.count }

  deinit {
    _ = slots.deinitialize()
    slots.deallocate()
  }

  /// Assesses offerings not yet taken until none is left.
  func work() {
    let count = offerings.count
    while true {
      let k = next.add(1, ordering: .relaxed).oldValue
      guard k < count else { return }
      let offering = offerings[k]
      let assessment =
        made[offering.id].flatMap { engine.assessment(of: offering, from: $0) } ?? engine.assess(offering: offering, ownership: false)
      slots[k] = EngineExposure.Prepared(assessment, laws: laws)
      settle(1)
    }
  }

  /// Takes what is left of the work, waits for the offerings other threads are assessing, and
  /// gives the readings in catalog order (nil once ``abandon()`` was called).
  func finish() -> [(id: String, prepared: EngineExposure.Prepared)]? {
    work()
    finished.wait()
    finished.signal()  // for a later call
    var results: [(id: String, prepared: EngineExposure.Prepared)] = []
    results.reserveCapacity(offerings.count)
    for (k, offering) in offerings.enumerated() {
      guard let prepared = slots[k] else { return nil }
      results.append((offering.id, prepared))
    }
    return results
  }

  /// Leaves the offerings not yet taken (the result is not needed): the threads working stop
  /// after their current offering.
  func abandon() {
    let count = offerings.count
    let taken = next.exchange(count, ordering: .relaxed)
    if taken < count { settle(count - taken) }
  }

  private func settle(_ indices: Int) {
    let total = settled.add(indices, ordering: .acquiringAndReleasing).newValue
    if total == offerings.count { finished.signal() }
  }
}
