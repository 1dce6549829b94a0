import Plot

/// Content of a page's body: what ``HTMLPage`` and the helpers of ``HTMLParts`` take and give.
public typealias HTMLNode = Node<HTML.BodyContext>

/// A complete, self-contained HTML page: a title, the shared CSS inline, a header, a main part and
/// a footer. It requests nothing: a Content-Security-Policy meta forbids every external resource
/// and every script (`default-src 'none'; style-src 'unsafe-inline'; img-src data:`), and charts are
/// inline SVG. The `sovereign` report and the server's pages are built on it.
public struct HTMLPage {
  /// The policy written in every page's `<meta http-equiv="Content-Security-Policy">`.
  public static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

  /// The document title (escaped).
  public var title: String
  /// The page's language, `en` or `fr` (the `lang` attribute).
  public var language: String
  public var header: [HTMLNode]
  public var main: [HTMLNode]
  public var footer: [HTMLNode]
  /// CSS added after ``HTMLStyle/css`` (trusted text, never data).
  public var extraCSS: String

  public init(
    title: String, language: String = "en", header: [HTMLNode] = [], main: [HTMLNode] = [], footer: [HTMLNode] = [],
    extraCSS: String = ""
  ) {
    self.title = title
    self.language = language
    self.header = header
    self.main = main
    self.footer = footer
    self.extraCSS = extraCSS
  }

  /// The page as one HTML document (`<!DOCTYPE html>` first).
  public func render() -> String {
    let html = HTML(
      .attribute(named: "lang", value: HTMLEscaping.attribute(language)),
      .head(
        .meta(.charset(.utf8)),
        .meta(.attribute(named: "http-equiv", value: "Content-Security-Policy"), .content(Self.contentSecurityPolicy)),
        .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
        .element(named: "title", nodes: [.literal(title)]),
        .element(named: "style", nodes: [.raw(HTMLStyle.css + extraCSS)])
      ),
      .body(
        .header(.group(header)),
        .main(.group(main)),
        .footer(.group(footer))
      )
    )
    return html.render() + "\n"
  }
}
