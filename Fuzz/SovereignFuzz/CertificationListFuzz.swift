import SovereignFetch

/// Fuzzes the parsers of the official certification lists (ANS HDS list HTML, ANSSI
/// SecNumCloud catalogue text): any bytes give records or a `ParseError`, never a crash, and a
/// successful parse is never empty (an unreadable page is "format changed", not "no hosts").
enum CertificationListFuzz {
  static func hds(_ bytes: [UInt8]) {
    if let records = try? HDSListParser.parse(bytes) {
      fuzzCheck(!records.isEmpty, "the HDS list parser returned no record without an error")
    }
  }

  static func secNumCloud(_ bytes: [UInt8]) {
    if let records = try? SecNumCloudCatalogueParser.parse(bytes) {
      fuzzCheck(!records.isEmpty, "the SecNumCloud parser returned no record without an error")
    }
  }
}
