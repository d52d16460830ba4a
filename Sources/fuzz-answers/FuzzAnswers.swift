import OutreachFuzzing

/// One input, checked by `FuzzHarness.answers`; libFuzzer finds it under this name too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswers(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzHarness.answers(UnsafeBufferPointer(start: data, count: count))
    return 0
}

/// Built by `make fuzz`, runs libFuzzer; a plain build replays the files named on the command line.
@main enum Main {
    static func main() {
        #if FUZZING
        FuzzDriver.run(fuzzAnswers)
        #else
        FuzzReplay.run(FuzzHarness.answers)
        #endif
    }
}
