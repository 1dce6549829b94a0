import SovereignCSF
import SovereignCatalog

extension Ranker {
  /// A ranker for `catalog` whose exposure gates and sovereignty criterion use the exposure
  /// engine (``EngineExposure``).
  public init(
    catalog: Catalog, today: CalendarDate = .today(), maximumFactAgeDays: Int = Ranker.defaultMaximumFactAgeDays,
    csf: CSFData? = CSFData.bundled
  ) {
    self.init(
      catalog: catalog, exposure: EngineExposure(catalog: catalog, asOf: today), today: today,
      maximumFactAgeDays: maximumFactAgeDays, csf: csf)
  }
}
