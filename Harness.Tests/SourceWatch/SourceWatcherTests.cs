using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.SourceWatch;

namespace OolSpecs.Harness.Tests.SourceWatch;

/// <summary>The source watch on a repository built here: two tags, one function changed, one unchanged, one moved, one gone.</summary>
public sealed class SourceWatcherTests(WatchedRepository watched) : IClassFixture<WatchedRepository>
{
    const string Old = WatchedRepository.Old;
    const string New = WatchedRepository.New;

    static readonly SourceFunction Changed = new("vm/map.c", "map_copy");
    static readonly SourceFunction Unchanged = new("vm/map.c", "map_enter");
    static readonly SourceFunction Moved = new("vm/map.c", "map_fork");
    static readonly SourceFunction Gone = new("ipc/kmsg.c", "kmsg_copyout_descriptor");
    static readonly SourceFunction Added = new("ipc/kmsg.c", "kmsg_deflate_descriptor");

    GitSourceTree Tree => watched.Tree;

    static WatchedClaim Claim(params Citation[] citations) => new("Family.Claims.One", "a claim", citations, [Old], ["OolSpecs.Specs.Family.OneSpec.It_holds"]);

    FunctionWatch Watch(Citation citation) => new SourceWatcher(Tree).Watch([Claim(citation)], New).Single().Functions.Single();

    [Fact]
    public void A_changed_body_is_reported_with_the_lines_added_and_removed()
    {
        var watch = Watch(Changed);

        watch.Change.Should().Be(FunctionChange.Changed);
        watch.Diff.Should().Be(new BodyDiff(Added: 3, Removed: 2));
    }

    [Fact]
    public void An_unchanged_body_is_reported_unchanged_though_the_file_around_it_changed()
    {
        var watch = Watch(Unchanged);

        watch.Change.Should().Be(FunctionChange.Unchanged);
        watch.Diff.Unchanged.Should().BeTrue();
    }

    [Fact]
    public void A_function_no_longer_in_its_file_is_found_where_it_moved()
    {
        var watch = Watch(Moved);

        watch.Change.Should().Be(FunctionChange.Moved);
        watch.ToFile.Should().Be("vm/fork.c");
        watch.Diff.Unchanged.Should().BeTrue();
    }

    /// <summary>Definitions git's search and the harness's reading of its lines must both see (POSIX and .NET spell white space apart).</summary>
    public static TheoryData<string, SourceFunction, string, string, string> MovedDefinitions => new()
    {
        { "a function with its return type and a space before its parenthesis on one line", new SourceFunction("a.c", "foo"), "static int\nfoo(int a)\n{\n\treturn a;\n}\n", "b.c", "static int foo (int a)\n{\n\treturn a;\n}\n" },
        { "a macro whose #define is spaced with blanks and a tab", SourceFunction.Macro("a.h", "FOO"), "#define FOO(x) 1\n", "b.h", "#  define\tFOO(x) 1\n" },
    };

    [Theory]
    [MemberData(nameof(MovedDefinitions))]
    public void A_moved_definition_is_found_in_the_file_it_moved_to(string definition, SourceFunction function, string before, string movedTo, string after)
    {
        using var repository = new TinyGitRepository().Write(function.File, before).Tag(Old).Delete(function.File).Write(movedTo, after).Tag(New);

        var watch = new SourceWatcher(GitSourceTree.Open(repository.Path, "the test repository")).Watch([Claim(function)], New).Single().Functions.Single();

        watch.Change.Should().Be(FunctionChange.Moved, definition);
        watch.ToFile.Should().Be(movedTo);
    }

    [Fact]
    public void A_lightweight_tag_an_annotated_tag_and_a_tag_of_a_tag_are_tags_of_the_clone()
    {
        using var repository = new TinyGitRepository().Write("a.c", "").Tag("v1").AnnotatedTag("v2", "v1").AnnotatedTag("v3", "v2");
        var tree = GitSourceTree.Open(repository.Path, "the test repository");

        new[] { "v1", "v2", "v3", "v4" }.Select(tree.HasTag).Should().Equal(true, true, true, false);
    }

    [Fact]
    public void A_move_the_citation_knows_compares_the_two_files()
    {
        var watch = Watch(Moved.MovedTo("vm/fork.c", New));

        watch.Change.Should().Be(FunctionChange.Moved);
        watch.FromFile.Should().Be("vm/map.c");
        watch.ToFile.Should().Be("vm/fork.c");
    }

    [Fact]
    public void A_function_no_file_defines_at_the_new_tag_is_reported_gone()
    {
        var watch = Watch(Gone);

        watch.Change.Should().Be(FunctionChange.Gone);
        watch.Describe().Should().Contain("gone");
    }

    [Fact]
    public void A_function_cited_only_at_the_new_tag_is_new_and_one_cited_at_the_old_tag_but_missing_is_a_wrong_citation()
    {
        Watch(Added.OnlyAt(New)).Change.Should().Be(FunctionChange.New);
        Watch(Added).Change.Should().Be(FunctionChange.NotAtFrom);
    }

    [Fact]
    public void A_function_cited_only_at_an_earlier_tag_is_not_compared_between_two_later_ones()
    {
        var claim = Claim(Changed, Gone.OnlyAt("v0.9"));

        new SourceWatcher(Tree).Watch([claim], New, from: Old).Single().Functions.Select(f => f.Function).Should().Equal(Changed);
    }

    [Fact]
    public void A_claim_is_compared_from_the_newest_tag_it_was_read_at_unless_a_tag_is_given()
    {
        var claim = Claim(Changed) with { TagsRead = [Old, New] };
        var watcher = new SourceWatcher(Tree);

        watcher.Watch([claim], New).Single().Functions.Single().Change.Should().Be(FunctionChange.Unchanged);
        watcher.Watch([claim], New, from: Old).Single().Functions.Single().Change.Should().Be(FunctionChange.Changed);
    }

    [Fact]
    public void The_report_counts_the_claims_to_reread_and_names_the_specs_to_run()
    {
        var watches = new SourceWatcher(Tree).Watch([Claim(Changed, Unchanged), Claim(Unchanged) with { Name = "Family.Claims.Two", Sentence = "another claim" }], New);

        var page = SourceWatchReport.Append(new MarkdownReport(), watches, 2).ToString();

        page.Should().Contain("1 of 2 claims have a deciding function that is not as it was; 1 unchanged, 1 changed of 2 functions.")
            .And.Contain("| `map_copy` | v1.0 `vm/map.c` | v2.0 `vm/map.c` | changed: 3 lines added, 2 removed |")
            .And.Contain("| **re-read:** `Family.Claims.One` | v1.0 | `map_copy` changed (+3 −2); `map_enter` unchanged | OneSpec.It_holds |")
            .And.Contain("dotnet test --filter \"FullyQualifiedName~OolSpecs.Specs.Family.OneSpec\"");
    }

    [Fact]
    public void A_tag_the_clone_does_not_have_is_refused_naming_the_option()
    {
        var watch = () => new SourceWatcher(Tree).Watch([Claim(Changed)], "v3.0");

        watch.Should().Throw<SourceTreeException>().WithMessage("--to: the clone at '*' has no tag 'v3.0'*");
    }

    [Fact]
    public void A_folder_that_is_missing_or_not_a_git_repository_is_refused_naming_the_setting()
    {
        var plain = Directory.CreateTempSubdirectory("oolspecs-plain-");
        try
        {
            var missing = () => GitSourceTree.Open(plain.FullName + "-missing", "OOLSPECS_XNU_SOURCE");
            var notGit = () => GitSourceTree.Open(plain.FullName, "OOLSPECS_XNU_SOURCE");

            missing.Should().Throw<SourceTreeException>().WithMessage("OOLSPECS_XNU_SOURCE (*) is not a folder*");
            notGit.Should().Throw<SourceTreeException>().WithMessage("OOLSPECS_XNU_SOURCE (*) is not a git repository*");
        }
        finally
        {
            plain.Delete();
        }
    }

    [Fact]
    public void The_citation_check_names_a_function_its_file_does_not_define_and_a_file_the_tag_does_not_have()
    {
        var claim = Claim(Changed, new SourceFunction("vm/map.c", "kmsg_copyout_descriptor"), new SourceFunction("vm/fork.c", "map_fork"));

        CitationCheck.Problems(Tree, [claim]).Should().Equal(
            "Family.Claims.One: `vm/map.c` does not define `kmsg_copyout_descriptor` at v1.0",
            "Family.Claims.One: `map_fork` is cited in `vm/fork.c`, which v1.0 does not have");
    }

    [Fact]
    public void The_citation_check_passes_citations_that_hold_at_every_tag_they_are_cited_at()
    {
        var claim = Claim(Unchanged, Moved.MovedTo("vm/fork.c", New), Added.OnlyAt(New)) with { TagsRead = [Old, New] };

        CitationCheck.Problems(Tree, [claim]).Should().BeEmpty();
    }
}

/// <summary>What the `source-watch` command prints, given its options and the claims.</summary>
public sealed class SourceWatchRunTests(SourceWatchRunTests.Repository tagged) : IClassFixture<SourceWatchRunTests.Repository>
{
    /// <summary>One function, changed between two tags; the tests only read it, so the class builds it once.</summary>
    public sealed class Repository : IDisposable
    {
        public TinyGitRepository Git { get; } = new TinyGitRepository()
            .Write("map.c", "int\nmap_copy(int a)\n{\n\treturn a;\n}\n").Tag("v1.0")
            .Write("map.c", "int\nmap_copy(int a)\n{\n\treturn a + 1;\n}\n").Tag("v2.0");

        public void Dispose() => Git.Dispose();
    }


    static readonly WatchedClaim Claim = new("F.Claims.One", "a claim", [new SourceFunction("map.c", "map_copy")], ["v1.0"], ["OolSpecs.Specs.F.OneSpec.It_holds"]);

    [Fact]
    public void Without_from_each_claim_is_compared_from_the_newest_tag_it_was_read_at()
    {
        var page = SourceWatchRun.Render(tagged.Git.Path, null, "v2.0", [Claim]);

        page.Should().StartWith("# Source watch: the newest tag each claim was read at → v2.0\n")
            .And.Contain("| **re-read:** `F.Claims.One` | v1.0 | `map_copy` changed (+1 −1) | OneSpec.It_holds |");
    }

    [Fact]
    public void A_tag_not_in_the_clone_is_bad_input_naming_the_option()
    {
        var run = () => SourceWatchRun.Render(tagged.Git.Path, "v0.9", "v2.0", [Claim]);

        run.Should().Throw<SourceTreeException>().WithMessage("--from: the clone at '*' has no tag 'v0.9'*");
    }
}
