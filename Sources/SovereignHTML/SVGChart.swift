import Plot

/// Inline SVG bar charts (no script, no external resource). Labels are escaped; numbers are
/// written by the chart. Colours come with a legend, values are printed beside the bars.
public enum SVGChart {
  /// Colour-blind-safe palette (Okabe & Ito), cycled for criteria and ranks.
  public static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#7f7f7f"]

  /// One bar of ``scores(_:title:)``: a value in [0, 1] with optional bounds.
  public struct ScoreBar: Sendable, Hashable {
    public var label: String
    public var value: Double
    public var worst: Double?
    public var best: Double?
    public init(label: String, value: Double, worst: Double? = nil, best: Double? = nil) {
      self.label = label
      self.value = value
      self.worst = worst
      self.best = best
    }
  }

  /// One bar of ``stacked(_:segments:title:)``: parts in the order of the segment names.
  public struct StackedBar: Sendable, Hashable {
    public var label: String
    public var parts: [Double]
    public init(label: String, parts: [Double]) {
      self.label = label
      self.parts = parts
    }
  }

  static let width = 760.0
  static let labelWidth = 250.0
  static let valueWidth = 70.0
  static let rowHeight = 26.0
  static var plotWidth: Double { width - labelWidth - valueWidth }

  /// Horizontal bars on a 0–1 scale; bounds drawn as a whisker from worst to best.
  public static func scores(_ bars: [ScoreBar], title: String) -> HTMLNode {
    let height = Double(bars.count) * rowHeight + 24
    var nodes: [HTMLNode] = [axis(height: height - 20, maximum: 1)]
    for (index, bar) in bars.enumerated() {
      let y = Double(index) * rowHeight + 4
      nodes.append(label(bar.label, y: y))
      nodes.append(rect(x: labelWidth, y: y + 3, width: plotWidth * clamp(bar.value), height: rowHeight - 10, fill: palette[0], title: "\(bar.label): \(format(bar.value))"))
      if let worst = bar.worst, let best = bar.best {
        let (x1, x2, mid) = (labelWidth + plotWidth * clamp(worst), labelWidth + plotWidth * clamp(best), y + rowHeight / 2 - 2)
        nodes.append(line(x1, mid, x2, mid, stroke: "#1f2328", width: 2, cssClass: "bounds"))
        nodes.append(line(x1, mid - 6, x1, mid + 6, stroke: "#1f2328", width: 2, cssClass: nil))
        nodes.append(line(x2, mid - 6, x2, mid + 6, stroke: "#1f2328", width: 2, cssClass: nil))
      }
      let bounds = bar.worst.flatMap { w in bar.best.map { b in " [\(format(w)), \(format(b))]" } } ?? ""
      nodes.append(text(format(bar.value), x: labelWidth + plotWidth + 6, y: y + rowHeight / 2 + 2, title: bounds.isEmpty ? nil : bounds))
    }
    return svg(title: title, height: height, nodes)
  }

  /// Horizontal stacked bars: each bar's parts side by side, scaled to the largest total.
  public static func stacked(_ bars: [StackedBar], segments: [String], title: String) -> HTMLNode {
    let maximum = max(bars.map { $0.parts.reduce(0, +) }.max() ?? 0, 1e-12)
    let decimals = maximum < 0.1 ? 5 : 3
    let height = Double(bars.count) * rowHeight + 24
    var nodes: [HTMLNode] = [axis(height: height - 20, maximum: maximum, decimals: decimals)]
    for (index, bar) in bars.enumerated() {
      let y = Double(index) * rowHeight + 4
      nodes.append(label(bar.label, y: y))
      var x = labelWidth
      for (part, value) in bar.parts.enumerated() where value > 0 {
        let w = plotWidth * value / maximum
        let name = part < segments.count ? segments[part] : "\(part + 1)"
        nodes.append(rect(x: x, y: y + 3, width: w, height: rowHeight - 10, fill: palette[part % palette.count], title: "\(bar.label), \(name): \(format(value, decimals: decimals))"))
        x += w
      }
      nodes.append(text(format(bar.parts.reduce(0, +), decimals: decimals), x: labelWidth + plotWidth + 6, y: y + rowHeight / 2 + 2, title: nil))
    }
    return .group(svg(title: title, height: height, nodes), legend(segments))
  }

  /// A legend: a coloured swatch and the name of each segment.
  public static func legend(_ segments: [String]) -> HTMLNode {
    .p(.class("legend"), .forEach(Array(segments.enumerated())) { index, name in
      .group(
        .span(.class("swatch"), .attribute(named: "style", value: "background:\(palette[index % palette.count])")),
        .literal(name))
    })
  }

  static func svg(title: String, height: Double, _ nodes: [HTMLNode]) -> HTMLNode {
    .element(named: "svg", nodes: [
      .attribute(named: "viewBox", value: "0 0 \(number(width)) \(number(height))"),
      .attribute(named: "width", value: number(width)),
      .attribute(named: "height", value: number(height)),
      .attribute(named: "role", value: "img"),
      .safeAttribute(named: "aria-label", value: title),
      .element(named: "title", nodes: [.literal(title)]),
    ] + nodes)
  }

  static func axis(height: Double, maximum: Double, decimals: Int = 3) -> HTMLNode {
    var nodes: [HTMLNode] = []
    for step in 0...4 {
      let x = labelWidth + plotWidth * Double(step) / 4
      nodes.append(line(x, 0, x, height, stroke: "#d0d7de", width: 1, cssClass: nil))
      nodes.append(.element(named: "text", nodes: [
        .attribute(named: "x", value: number(x)), .attribute(named: "y", value: number(height + 14)),
        .attribute(named: "text-anchor", value: "middle"), .attribute(named: "font-size", value: "11"),
        .literal(format(maximum * Double(step) / 4, decimals: decimals)),
      ]))
    }
    return .group(nodes)
  }

  static func label(_ text: String, y: Double) -> HTMLNode {
    let shown = text.count > 34 ? String(text.prefix(33)) + "…" : text
    return .element(named: "text", nodes: [
      .attribute(named: "x", value: number(labelWidth - 8)), .attribute(named: "y", value: number(y + rowHeight / 2 + 2)),
      .attribute(named: "text-anchor", value: "end"),
      .element(named: "title", nodes: [.literal(text)]), .literal(shown),
    ])
  }

  static func text(_ value: String, x: Double, y: Double, title: String?) -> HTMLNode {
    .element(named: "text", nodes: [
      .attribute(named: "x", value: number(x)), .attribute(named: "y", value: number(y)),
      .unwrap(title) { .element(named: "title", nodes: [.literal($0)]) }, .literal(value),
    ])
  }

  static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, title: String) -> HTMLNode {
    .element(named: "rect", nodes: [
      .attribute(named: "x", value: number(x)), .attribute(named: "y", value: number(y)),
      .attribute(named: "width", value: number(max(width, 0))), .attribute(named: "height", value: number(height)),
      .attribute(named: "fill", value: fill), .element(named: "title", nodes: [.literal(title)]),
    ])
  }

  static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double, cssClass: String?) -> HTMLNode {
    .element(named: "line", nodes: [
      .attribute(named: "x1", value: number(x1)), .attribute(named: "y1", value: number(y1)),
      .attribute(named: "x2", value: number(x2)), .attribute(named: "y2", value: number(y2)),
      .attribute(named: "stroke", value: stroke), .attribute(named: "stroke-width", value: number(width)),
      .unwrap(cssClass) { .class($0) },
    ])
  }

  static func clamp(_ value: Double) -> Double { value.isFinite ? min(max(value, 0), 1) : 0 }

  /// A coordinate with at most two decimals.
  static func number(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  /// A value with `decimals` decimals (three by default, as the report's tables print it).
  public static func format(_ value: Double, decimals: Int = 3) -> String {
    guard value.isFinite else { return "–" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let units = Int((abs(value) * scale).rounded())
    let sign = value < 0 && units > 0 ? "-" : ""
    let whole = Int(scale)
    let fraction = String(units % whole)
    return "\(sign)\(units / whole).\(String(repeating: "0", count: decimals - fraction.count))\(fraction)"
  }
}
