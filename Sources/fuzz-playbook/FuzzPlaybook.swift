import OutreachFuzzing

/// One input, checked by `FuzzHarness.playbook`; libFuzzer finds it under this name too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlaybook(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzHarness.playbook(UnsafeBufferPointer(start: data, count: count))
    return 0
}

/// Built by `make fuzz`, runs libFuzzer; a plain build replays the files named on the command line.
@main enum Main {
    static func main() {
        #if FUZZING
        FuzzDriver.run(fuzzPlaybook)
        #else
        FuzzReplay.run(FuzzHarness.playbook)
        #endif
    }
}
