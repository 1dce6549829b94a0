/// How scores and weights are written in exports.
enum NumberFormat {
  /// Full precision, `.` as decimal separator whatever the locale: Swift's shortest
  /// representation that reads back to the same Double.
  static func full(_ value: Double) -> String { "\(value)" }

  /// Rounded to `digits` decimals for human tables (`0.6601`), locale-independent.
  static func short(_ value: Double, digits: Int = 4) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = "\(rounded)"
    if text.contains("e") { return text }
    let parts = text.split(separator: ".", maxSplits: 1)
    let decimals = parts.count == 2 ? parts[1].count : 0
    if parts.count == 1 { text += "." }
    return text + String(repeating: "0", count: max(0, digits - decimals))
  }
}
