using OolSpecs.Harness.SourceWatch;

namespace OolSpecs.Harness.Tests.SourceWatch;

/// <summary>
/// The repository SourceWatcherTests read: two tags, one function changed, one unchanged, one
/// moved, one gone, one new. The tests only read it, so the class builds it once and opens it
/// once, and what one test read the next reads from memory (git is the slow part of these tests).
/// </summary>
public sealed class WatchedRepository : IDisposable
{
    public const string Old = "v1.0";
    public const string New = "v2.0";

    public TinyGitRepository Repository { get; } = new TinyGitRepository()
        .Write("vm/map.c", "int\nmap_enter(int a)\n{\n\treturn a;\n}\n\nint\nmap_copy(int a)\n{\n\tint b = a;\n\treturn b;\n}\n\nint\nmap_fork(void)\n{\n\treturn 0;\n}\n")
        .Write("ipc/kmsg.c", "void\nkmsg_copyout_descriptor(void)\n{\n}\n")
        .Tag(Old)
        .Write("vm/map.c", "int\nmap_enter(int a)\n{\n\treturn a;\n}\n\nint\nmap_copy(int a)\n{\n\tint b = a + 1;\n\tint c = b;\n\treturn c;\n}\n")
        .Write("vm/fork.c", "int\nmap_fork(void)\n{\n\treturn 0;\n}\n")
        .Write("ipc/kmsg.c", "void\nkmsg_deflate_descriptor(void)\n{\n\treturn;\n}\n")
        .Tag(New);

    public GitSourceTree Tree => tree ??= GitSourceTree.Open(Repository.Path, "the test repository");

    GitSourceTree? tree;

    public void Dispose() => Repository.Dispose();
}
