namespace OolSpecs.Harness.Words;

/// <summary>
/// How `oolprobe fork-inherit` sets its buffer up before the fork: each member is one kernel's
/// way of choosing what a child inherits. Which kernel has it is <see cref="Scenarios.InheritModes"/>'s
/// table; what the child is to get, the specs' ForkInheritance case table.
/// </summary>
public enum InheritMode
{
    /// <summary>XNU: vm_allocate, inheritance left as vm_allocate gives it.</summary>
    [ProbeWord("default")] Default,
    /// <summary>XNU: vm_allocate, then vm_inherit(VM_INHERIT_SHARE).</summary>
    [ProbeWord("share")] Share,
    /// <summary>XNU: vm_allocate, then vm_inherit(VM_INHERIT_COPY).</summary>
    [ProbeWord("copy")] Copy,
    /// <summary>XNU: vm_allocate, then vm_inherit(VM_INHERIT_NONE).</summary>
    [ProbeWord("none")] None,
    /// <summary>Linux: mmap(MAP_PRIVATE|MAP_ANONYMOUS).</summary>
    [ProbeWord("private")] Private,
    /// <summary>Linux: mmap(MAP_SHARED|MAP_ANONYMOUS).</summary>
    [ProbeWord("shared")] Shared,
    /// <summary>Linux: MAP_PRIVATE, then madvise(MADV_DONTFORK).</summary>
    [ProbeWord("dontfork")] DontFork,
    /// <summary>Linux: MAP_PRIVATE, then madvise(MADV_WIPEONFORK).</summary>
    [ProbeWord("wipeonfork")] WipeOnFork,
}

/// <summary>What a forked child read in the buffer right after the fork, as `oolprobe fork-inherit` words it.</summary>
public enum ChildReading
{
    /// <summary>The parent's data as it was at the fork.</summary>
    [ProbeWord("parent")] ParentsData,
    [ProbeWord("zeros")] Zeros,
    /// <summary>Neither: bytes nobody wrote.</summary>
    [ProbeWord("other")] Other,
    /// <summary>The child maps nothing at the buffer's address, so it read nothing.</summary>
    [ProbeWord("unmapped")] Unmapped,
}
