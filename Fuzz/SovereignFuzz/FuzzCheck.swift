/// Stops with `message` when a property a fuzz target checks does not hold. Unlike
/// `precondition`, the message survives `-O`, and the trap makes libFuzzer save the input.
func fuzzCheck(_ condition: Bool, _ message: @autoclosure () -> String) {
  if !condition { fatalError("fuzz property failed: " + message()) }
}
