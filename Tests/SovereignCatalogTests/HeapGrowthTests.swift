import SovereignCatalogCore
import Testing

@Suite("Heap growth")
struct HeapGrowthTests {
  /// `sovereign` sets the allocator's growth step when it starts. On glibc the setting must be
  /// found (it is looked up by name) and accepted; else the command would silently run with the
  /// default step.
  @Test("glibc finds and takes the heap growth step; elsewhere it is reported as not set")
  func growthStep() {
    #if canImport(Glibc)
      #expect(HeapGrowth.configure())
    #else
      #expect(!HeapGrowth.configure())
    #endif
  }
}
