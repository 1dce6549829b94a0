extension Source {
  /// True for the source of an assumed value (`--assume`): not a document, not evidence.
  public var isAssumption: Bool { kind == .assumption }
}

extension Sequence where Element == Source {
  /// True when any of these sources is an assumption: a verdict or fact citing them rests on a
  /// value the user assumed, and must say so.
  public var restsOnAssumption: Bool { contains { $0.isAssumption } }
}

extension Array where Element == Source {
  /// As for any sequence, reading each source's kind in place (iterating would copy every source).
  public var restsOnAssumption: Bool { indices.contains { self[$0].isAssumption } }
}
