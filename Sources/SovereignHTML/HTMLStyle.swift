/// The CSS shared by every page: readable type, tables that fit, verdict colours that always come
/// with a word (colour is never the only signal), and a print layout (A4, no cut rows or charts).
public enum HTMLStyle {
  /// The stylesheet, inlined in every ``HTMLPage``.
  public static let css = """
    :root { --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #b42318; --fail-bg: #fee4e2; --unknown: #8a5a00; \
    --unknown-bg: #fff4d6; --neutral: #4b5563; --neutral-bg: #eef0f3; --ink: #1f2328; --muted: #59636e; \
    --rule: #d0d7de; --accent: #0b5cad; }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0 auto; max-width: 72rem; padding: 1.5rem 2rem 3rem; color: var(--ink); background: #fff; \
    font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
    header { border-bottom: 3px solid var(--ink); margin-bottom: 1.5rem; padding-bottom: .75rem; }
    header h1 { margin: 0 0 .25rem; font-size: 1.7rem; line-height: 1.2; }
    header p { margin: .2rem 0; color: var(--muted); }
    h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid var(--rule); }
    h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
    h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
    p, ul, ol { margin: .4rem 0 .8rem; }
    a { color: var(--accent); overflow-wrap: anywhere; }
    td a, th a { overflow-wrap: break-word; }
    code { font: .9em ui-monospace, "DejaVu Sans Mono", monospace; background: var(--neutral-bg); padding: 0 .2em; border-radius: 3px; }
    table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
    caption { text-align: left; font-weight: 600; padding: .3rem 0; }
    th, td { border: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; }
    th { background: var(--neutral-bg); font-weight: 600; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tfoot td { font-weight: 600; }
    .headline { font-size: 1.1rem; font-weight: 600; background: var(--neutral-bg); border-left: 5px solid var(--accent); \
    padding: .6rem .9rem; margin: 1rem 0; }
    .badge { display: inline-block; padding: 0 .45em; border-radius: 4px; font-weight: 600; font-size: .88em; \
    border: 1px solid currentColor; white-space: nowrap; }
    .tone-good { color: var(--pass); background: var(--pass-bg); }
    .tone-bad { color: var(--fail); background: var(--fail-bg); }
    .tone-unknown { color: var(--unknown); background: var(--unknown-bg); }
    .tone-neutral { color: var(--neutral); background: var(--neutral-bg); }
    .grade { font-size: .85em; color: var(--muted); white-space: nowrap; }
    .grade-official { color: var(--pass); }
    .grade-provider { color: var(--unknown); }
    .grade-secondary { color: var(--fail); }
    ul.sources { margin: .2rem 0 .4rem; padding-left: 1.1rem; font-size: .88rem; }
    ul.sources li { margin: .1rem 0; }
    .muted { color: var(--muted); }
    .warning { border-left: 5px solid var(--unknown); background: var(--unknown-bg); padding: .4rem .8rem; }
    .offering { border: 1px solid var(--rule); border-radius: 6px; padding: .2rem 1rem .6rem; margin: 1rem 0; }
    figure { margin: .6rem 0 1.2rem; }
    figcaption { font-size: .88rem; color: var(--muted); }
    svg { max-width: 100%; height: auto; font: 12px system-ui, "DejaVu Sans", sans-serif; }
    svg text { fill: var(--ink); }
    .legend { font-size: .85rem; margin: .2rem 0; }
    .swatch { display: inline-block; width: .9em; height: .9em; vertical-align: -.1em; margin: 0 .25em 0 .6em; border: 1px solid #0003; }
    footer { margin-top: 2.5rem; padding-top: .6rem; border-top: 1px solid var(--rule); font-size: .85rem; color: var(--muted); }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1.2rem; margin: .4rem 0 1rem; }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0; }
    details { margin: .3rem 0; font-size: .9rem; }
    summary { cursor: pointer; color: var(--muted); }
    footer dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .3rem 0; }
    footer dt { font-weight: 600; }
    footer dd { margin: 0; overflow-wrap: anywhere; }
    @media (max-width: 40rem) {
      body { padding: 1rem .75rem 2rem; }
      table { display: block; overflow-x: auto; }
      dl.facts, footer dl { grid-template-columns: 1fr; }
      dl.facts dd, footer dd { margin-bottom: .4rem; }
    }
    @page { size: A4; margin: 14mm 12mm; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10.5pt; }
      h2 { break-after: avoid; }
      h3, h4 { break-after: avoid; }
      tr, figure, .offering > table, .headline { break-inside: avoid; }
      .offering { break-inside: auto; border: none; padding: 0; }
      a { color: inherit; text-decoration: none; }
      details > *:not(summary) { display: block; }
    }

    """
}
