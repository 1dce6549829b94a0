import SovereignFetch

/// Fuzzes the HDS requirement-31 page parser (`TransferMappingParser`) and the HDS list export
/// reader (`HDSListDocument` on CSV / JSON): any bytes give records or a `ParseError`, never a
/// crash.
enum TransferMappingFuzz {
  static let answers: Set<String> = ["yes", "no", "exempted", "unknown"]

  /// Properties: a parse that succeeds is never empty; every row names its actor; every mapped
  /// answer is yes / no / exempted / unknown and sits beside its text as printed; a product is
  /// never empty; no footnote marker text leaks into a note's key without its text.
  static func run(_ bytes: [UInt8]) {
    guard let records = try? TransferMappingParser.parse(bytes) else { return }
    fuzzCheck(!records.isEmpty, "the transfer mapping parser returned no record without an error")
    for record in records {
      fuzzCheck(!record.holder.isEmpty, "a transfer mapping row without an actor")
      let pairs = [
        (record.hdsCertified, record.hdsCertifiedText), (record.secNumCloudQualified, record.secNumCloudQualifiedText),
        (record.nonEEAAccess, record.nonEEAAccessText), (record.thirdCountryLawRisk, record.thirdCountryLawRiskText),
      ]
      for (mapped, text) in pairs {
        fuzzCheck((mapped == nil) == (text == nil), "a mapped answer without its text, or the reverse")
        if let mapped { fuzzCheck(answers.contains(mapped), "answer `\(mapped)` is not yes / no / exempted / unknown") }
      }
      if let product = record.product { fuzzCheck(!product.isEmpty, "an empty product") }
      for note in record.notes ?? [] { fuzzCheck(!note.isEmpty, "an empty note") }
    }
  }

  /// Properties: a CSV or JSON export that parses is never empty and every row names its host;
  /// activities are within 1-6.
  static func export(_ bytes: [UInt8]) {
    guard bytes.count > 1 else { return }
    // The first byte picks the hint (none, CSV file, JSON file), the rest is the document.
    let names: [String?] = [nil, "export.csv", "export.json"]
    let name = names[Int(bytes[0]) % names.count]
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    guard let records = try? HDSListDocument.parse(text: text, fileName: name) else { return }
    fuzzCheck(!records.isEmpty, "the HDS list document parser returned no record without an error")
    for record in records {
      fuzzCheck(!record.holder.isEmpty, "an HDS list row without a host")
      fuzzCheck((record.activities ?? []).allSatisfy { (1...6).contains($0) }, "activities outside 1-6")
    }
  }
}
