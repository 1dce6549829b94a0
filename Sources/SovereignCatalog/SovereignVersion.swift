/// The version of this build of sovereign (also sent as the fetcher's User-Agent).
public enum SovereignVersion {
  public static let current = "0.1.0"
}
