import SovereignCatalog

extension Ranker {
  /// A ranker for `catalog` with the default exposure assessment.
  ///
  /// Until the exposure engine (`SovereignExposure`) is wired in, the default knows nothing
  /// (``UnassessedExposure``): exposure gates are `unknown` and handled by the unknown policy.
  public init(
    catalog: Catalog, today: CalendarDate = .today(), maximumFactAgeDays: Int = Ranker.defaultMaximumFactAgeDays
  ) {
    self.init(catalog: catalog, exposure: UnassessedExposure(), today: today, maximumFactAgeDays: maximumFactAgeDays)
  }
}
