using OolSpecs.Harness.Cli;
using OolSpecs.Harness.Docs;
using OolSpecs.Harness.Tests.Snapshots;
using OolSpecs.Harness.Tests.SourceWatch;

namespace OolSpecs.Harness.Tests.Docs;

/// <summary>`oolspecs docs` is the one command for every generated document, the source-watch page included once a clone of xnu is given.</summary>
public sealed class DocsCommandTests : IDisposable
{
    readonly TempCheckout checkout = new();

    public void Dispose() => checkout.Dispose();

    string SourceWatch => Path.Combine(checkout.Root, "docs", "source-watch.md");

    (int Exit, string Output, string Errors) Docs(params string[] arguments)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = new CommandLine(output, errors, () => throw new InvalidOperationException("the probe was started"), () => checkout.Snapshots, checkout: () => checkout.Root)
            .Run(["docs", .. arguments]);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public void Without_a_clone_the_source_watch_page_is_left_as_it_is()
    {
        File.WriteAllText(SourceWatch, "# edited\n");

        checkout.Docs.Make().Select(d => d.Path).Should().NotContain(SourceWatchPage.File);
        checkout.Docs.Write().Should().NotContain(SourceWatchPage.File);
        File.ReadAllText(SourceWatch).Should().Be("# edited\n");
    }

    [Fact]
    public void A_clone_that_is_not_there_is_refused_naming_the_option_and_nothing_is_written()
    {
        File.WriteAllText(SourceWatch, "# edited\n");
        var page = Path.Combine(checkout.Root, "docs", "behaviour-matrix.md");
        File.WriteAllText(page, "# stale\n");

        var (exit, _, errors) = Docs("--xnu", Path.Combine(checkout.Root, "no-such-clone"));

        exit.Should().Be(ExitCode.BadInput);
        errors.Should().Contain("--xnu").And.Contain("no-such-clone");
        File.ReadAllText(page).Should().Be("# stale\n", "bad input writes nothing");
        File.ReadAllText(SourceWatch).Should().Be("# edited\n");
    }

    [SkippableFact]
    public void With_a_clone_check_finds_a_stale_source_watch_page_and_names_the_command_with_the_clone_and_docs_rewrites_it()
    {
        var clone = XnuSource.Configured;
        Skip.If(clone is null, $"{XnuSource.Variable} is not set: checking the source-watch page needs a clone of apple-oss-distributions/xnu.");
        File.WriteAllText(SourceWatch, "# edited\n");

        var check = Docs("--check", "--xnu", clone!);
        var write = Docs("--xnu", clone!);

        check.Exit.Should().Be(ExitCode.Failed);
        check.Output.Should().Contain($"stale {SourceWatchPage.File}").And.Contain(SourceWatchPage.Command);
        write.Exit.Should().Be(ExitCode.Done);
        File.ReadAllText(SourceWatch).Should().Be(File.ReadAllText(RepositoryRoot.Combine("docs", "source-watch.md")));
    }
}
