@_exported import SplitMix

/// The generators' name for the project's one seedable generator: same seed, same library.
public typealias SeededGenerator = SplitMix64
