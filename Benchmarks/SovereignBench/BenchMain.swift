@main
enum SovereignBench {
  static func main() {}
}
