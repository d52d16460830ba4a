import OutreachFuzzing

/// libFuzzer's entry point: one input, checked by `FuzzHarness.bundle`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBundle(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzHarness.bundle(UnsafeBufferPointer(start: data, count: count))
    return 0
}

#if !FUZZING
/// Without the fuzzer (a plain build), replays the files named on the command line.
@main enum Replay {
    static func main() { FuzzReplay.run(FuzzHarness.bundle) }
}
#endif
