import HTTPTypes
import Hummingbird
import Sovereign

/// The query parameters of an API request, checked against the route's description: an unknown
/// parameter or a bad value is a 400 `invalid-parameter` problem naming it (as the CLI refuses an
/// unknown option).
struct QueryParameters {
  private let values: [String: String]

  init(_ request: Request, route: APIRoute) throws(Problem) {
    let allowed = route.parameters.filter { $0.location == .query }.map(\.name)
    var values: [String: String] = [:]
    for (key, value) in request.uri.queryParameters {
      let name = String(key)
      guard allowed.contains(name) else {
        let accepted = allowed.isEmpty ? "it takes no query parameter" : "it takes " + allowed.joined(separator: ", ")
        throw Problem(.invalidParameter, detail: "unknown query parameter `\(name)` for \(route.path): \(accepted)")
      }
      values[name] = String(value)
    }
    self.values = values
  }

  /// `as_of` as a day, default today.
  func day(_ name: String = "as_of") throws(Problem) -> CalendarDate {
    guard let text = values[name] else { return .today() }
    guard let day = CalendarDate(iso: text) else {
      throw Problem(.invalidParameter, detail: "`\(name)` expects a date as YYYY-MM-DD, e.g. 2026-11-29; got `\(text)`")
    }
    return day
  }

  /// A whole number zero or more, or nil when absent.
  func count(_ name: String) throws(Problem) -> Int? {
    guard let text = values[name] else { return nil }
    guard let value = Int(text), value >= 0 else {
      throw Problem(.invalidParameter, detail: "`\(name)` must be a whole number, zero or more; got `\(text)`")
    }
    return value
  }

  /// `method`: topsis or weighted-sum, or nil when absent.
  func method() throws(Problem) -> MCDAMethod? {
    guard let text = values["method"] else { return nil }
    switch text {
    case "topsis": return .topsis
    case "weighted-sum": return .weightedSum
    default: throw Problem(.invalidParameter, detail: "`method` is topsis or weighted-sum; got `\(text)`")
    }
  }
}
