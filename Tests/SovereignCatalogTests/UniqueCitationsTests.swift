import SovereignCatalog
import Testing

/// `uniqueCitations()`: each citation (id and URL) once, the first occurrence kept, in order;
/// the same whether the list has a few distinct sources (compared one by one) or many (hashed).
@Suite struct UniqueCitationsTests {
  static func source(_ id: String, _ url: String, title: String? = nil, day: Int = 1) -> Source {
    Source(id: id, url: url, title: title, asOf: CalendarDate(year: 2026, month: 1, day: day)!, kind: .provider)
  }

  /// The definition, written plainly.
  static func reference(_ sources: [Source]) -> [Source] {
    var result: [Source] = []
    for source in sources where !result.contains(where: { $0.id == source.id && $0.url == source.url }) {
      result.append(source)
    }
    return result
  }

  @Test func keepsTheFirstOfEachCitationInOrder() {
    let list = [
      Self.source("a", "https://a"), Self.source("b", "https://b"), Self.source("a", "https://a", title: "again", day: 2),
      Self.source("a", "https://other"), Self.source("c", "https://b"), Self.source("b", "https://b"),
    ]
    let unique = list.uniqueCitations()
    #expect(unique.map(\.id) == ["a", "b", "a", "c"])
    #expect(unique.map(\.url) == ["https://a", "https://b", "https://other", "https://b"])
    #expect(unique[0].title == nil, "the first occurrence is kept")
  }

  @Test(arguments: [0, 1, 5, 31, 32, 33, 40, 200])
  func equalsTheDefinitionAcrossTheSwitchToHashing(distinct: Int) {
    var generator = SystemRandomNumberGenerator()
    var list: [Source] = []
    for k in 0..<(distinct * 3) {
      let n = distinct == 0 ? 0 : Int.random(in: 0..<distinct, using: &generator)
      // Same id with two URLs, and repeats with other titles and dates.
      list.append(Self.source("s\(n)", "https://example.org/\(n % 7 == 0 ? "x" : "y")/\(n)", title: "t\(k)", day: 1 + k % 28))
    }
    list.shuffle(using: &generator)
    let unique = list.uniqueCitations()
    let expected = Self.reference(list)
    #expect(unique == expected)
    #expect(Set(unique.map(\.citation)).count == unique.count)
  }
}
