import SovereignCatalog

/// What a transfer-mapping page answers for one offering (pure).
///
/// Rules:
/// - A page with one table per product (rows carry a ``CertificationRecord/product``) answers for
///   an offering only through the tables whose product names it: the product equals, after
///   ``NameNormalizer``, the offering's name or one of its other names (aliases). Another
///   product's table never answers for it. A page without products answers as a whole.
/// - Requirements 29 and 30 concern the host and its processors: the offering's answer is `yes`
///   when any actor of its tables answers yes, `no` only when every actor answers no, and stays
///   as the catalog has it otherwise (an unknown or exempted actor never earns the favourable "no").
public enum TransferMappingAnswers {
  /// The rows that answer for an offering known by `names`, and the products they come from
  /// (empty when the page has no products).
  public static func rows(
    of entries: [CertificationRecord], forOfferingNamed names: [String]
  ) -> (rows: [CertificationRecord], products: [String]) {
    guard entries.contains(where: { $0.product != nil }) else { return (entries, []) }
    let wanted = Set(names.map(NameNormalizer.normalize).filter { !$0.isEmpty })
    let rows = entries.filter { row in row.product.map { wanted.contains(NameNormalizer.normalize($0)) } ?? false }
    var products: [String] = []
    for product in rows.compactMap(\.product) where !products.contains(product) { products.append(product) }
    return (rows, products)
  }

  /// `yes` when any row says yes, `no` when every row says no, nil otherwise.
  public static func combined(_ answers: [String?]) -> TriState? {
    guard !answers.isEmpty else { return nil }
    if answers.contains("yes") { return .yes }
    return answers.allSatisfy { $0 == "no" } ? .no : nil
  }
}
