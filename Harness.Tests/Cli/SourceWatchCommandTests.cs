using OolSpecs.Harness.Cli;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Tests.SourceWatch;

namespace OolSpecs.Harness.Tests.Cli;

/// <summary>`oolspecs source-watch` on a repository the test tags itself: the claims come from the specs, the tags from the command line.</summary>
public sealed class SourceWatchCommandTests
{
    const string Fork = "int\nvm_map_fork(int a)\n{\n\treturn a;\n}\n";
    const string ForkChanged = "int\nvm_map_fork(int a)\n{\n\tint b = a + 1;\n\treturn b;\n}\n";

    static (int Code, string Output, string Errors) Run(params string[] arguments)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = new CommandLine(output, errors, () => throw new InvalidOperationException("probe started"), () => "/nonexistent").Run(arguments);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public void A_changed_deciding_function_is_listed_with_its_diff_stat_and_the_specs_to_run()
    {
        using var repo = new TinyGitRepository().Write("osfmk/vm/vm_map.c", Fork).Tag("old").Write("osfmk/vm/vm_map.c", ForkChanged).Tag("new");

        var (code, output, errors) = Run("source-watch", "--xnu", repo.Path, "--from", "old", "--to", "new");

        errors.Should().BeEmpty();
        code.Should().Be(ExitCode.Done);
        output.Should().StartWith("# Source watch: old → new");
        output.Should().Contain("| `vm_map_fork` | old `osfmk/vm/vm_map.c` | new `osfmk/vm/vm_map.c` | changed: 2 lines added, 1 removed |",
            "the body gained two lines and lost one");
        output.Should().Contain("ForkCopyOnWrite", "the specs that assert a fork claim are named");
    }

    [Theory]
    [InlineData("--to", "new", "--xnu", "/nonexistent/xnu", "--xnu")]
    [InlineData("--xnu", "REPO", "--to", "missing-tag", "missing-tag")]
    [InlineData("--xnu", "REPO", "--to", " ", "--to is blank")]
    public void Bad_input_is_exit_2_naming_it_and_prints_nothing(string option1, string value1, string option2, string value2, string named)
    {
        using var repo = new TinyGitRepository().Write("osfmk/vm/vm_map.c", Fork).Tag("new");
        string Fill(string v) => v == "REPO" ? repo.Path : v;

        var (code, output, errors) = Run("source-watch", option1, Fill(value1), option2, Fill(value2));

        code.Should().Be(ExitCode.BadInput);
        errors.Should().Contain(named);
        output.Should().BeEmpty();
    }

    [Fact]
    public void Without_to_it_says_the_option_is_required()
    {
        var (code, _, errors) = Run("source-watch", "--xnu", "/tmp");

        code.Should().Be(ExitCode.BadInput);
        errors.Should().Contain("--to");
    }
}
