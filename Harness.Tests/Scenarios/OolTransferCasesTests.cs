using OolSpecs.Harness.Docs;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using OolSpecs.Specs.OolTransfer;
using OolSpecs.Specs.Support;

namespace OolSpecs.Harness.Tests.Scenarios;

/// <summary>
/// The OolTransfer family's one table of cases: every case once, each with the allocation the
/// probe really makes and the command the harness really runs, under exactly one copy-path claim
/// (two for the malloc block whose tag decides), and every claim of the family's cases reachable
/// from it. No kernel is behind these: they hold on every OS.
/// </summary>
public sealed class OolTransferCasesTests
{
    [Fact]
    public void The_table_has_every_case_of_every_kind_of_memory_once()
    {
        OolTransferCases.All.Select(r => r.Case).Should().Equal(OolCase.All);
        OolTransferCases.All.GroupBy(r => r.Memory).Select(g => (g.Key, g.Count()))
            .Should().Equal((MemoryKind.Purgeable, 8), (MemoryKind.Anonymous, 8), (MemoryKind.Malloc, 4));
        OolTransferCases.All.Select(r => r.Description).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Each_row_names_the_command_the_harness_runs()
    {
        foreach (var row in OolTransferCases.All)
        {
            row.ProbeCommand.Should().Be(row.Case.Scenario.Command)
                .And.StartWith($"oolprobe ool-transfer --memory {ProbeWords.Of(row.Memory)} --copy {ProbeWords.Of(row.Case.Copy)} ");
        }
    }

    /// <summary>Each memory's allocation names its flag, tag and call (that every one it names is in the probe's sources, <see cref="CaseTablesTests"/> checks of every table).</summary>
    [Fact]
    public void Each_allocation_names_the_flag_tag_and_call_of_its_memory()
    {
        Allocations.Of(MemoryKind.Purgeable).Should().Contain("VM_FLAGS_PURGABLE").And.Contain("VM_MEMORY_APPLICATION_SPECIFIC_1");
        Allocations.Of(MemoryKind.Anonymous).Should().Contain("VM_MEMORY_APPLICATION_SPECIFIC_1").And.NotContain("PURGABLE");
        Allocations.Of(MemoryKind.Malloc).Should().StartWith("posix_memalign");
    }

    [Fact]
    public void Each_row_falls_under_one_copy_path_claim_and_each_such_claim_has_rows()
    {
        var paths = CopyPathClaims.All.Select(p => p.Claim).ToList();

        foreach (var row in OolTransferCases.All)
        {
            row.Claims.Count(paths.Contains).Should().Be(row.Description == "malloc memory, virtual copy, 16 pages, kept" ? 2 : 1, row.Description);
            row.Claims.Should().Contain(DescriptorClaims.CopyFieldIsTheSendersOption).And.Contain(DescriptorClaims.DeallocateBitSaysVirtualCopy);
            row.Claims.Should().Contain(row.Case.Dealloc ? ContentClaims.DeallocatedBytesReadAsSent : ContentClaims.SenderNeverReadsTheReceiversWrites);
            row.Security.Should().NotBeNullOrWhiteSpace();
        }

        paths.Should().OnlyContain(claim => OolTransferCases.All.Under(claim).Count > 0, "a copy-path claim no case falls under is asserted by nothing");
    }

    [Fact]
    public void A_misspelt_case_or_a_claim_the_case_is_not_under_fails_before_any_kernel_is_asked_for()
    {
        var misspelt = () => OolTransferCases.Judge("anonymous memory, virtual copy, 17 pages, kept", DescriptorClaims.CopyFieldIsTheSendersOption);
        var notUnder = () => OolTransferCases.Judge("purgeable memory, virtual copy, 1 page, kept", CopyPathClaims.AnonymousVirtualCopyIsShared);

        misspelt.Should().Throw<ArgumentException>().WithMessage("*17 pages*the cases are*");
        notUnder.Should().Throw<ArgumentException>().WithMessage("*does not fall under*");
    }

    /// <summary>One line per memory, size and copy path, each drawn from the rows it stands for: no case is left out or shown twice.</summary>
    [Fact]
    public void The_READMEs_table_of_paths_has_a_line_per_memory_size_and_path_drawn_from_the_rows()
    {
        var lines = OolTransferCases.CopyPathTable().Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(2).ToList();
        var groups = OolTransferCases.All.GroupBy(r => (r.Memory, r.Case.Article.Pages, Paths: string.Join(',', r.Paths.Select(p => p.Claim.Sentence)))).ToList();

        lines.Should().HaveCount(groups.Count);
        foreach (var (line, group) in lines.Zip(groups))
        {
            line.Should().StartWith($"| {ProbeWords.Of(group.Key.Memory)} | {OolSize.Pages(group.Key.Pages).InWords} | ");
            foreach (var path in group.First().Paths)
            {
                line.Should().Contain(path.Path.InWords()).And.Contain(path.Receiver);
            }
        }

        OolTransferCases.CopyPathTable().Should().Contain(Allocations.Of(MemoryKind.Anonymous));
    }

    [Fact]
    public void A_README_without_the_table_of_paths_markers_is_refused_naming_them()
    {
        var readme = $"# X\n\n{GeneratedDocs.CopyPaths.Begin}\nold\n{GeneratedDocs.CopyPaths.End}\nMore.\n";

        GeneratedDocs.CopyPaths.Replace(readme, "new\n").Should().Be($"# X\n\n{GeneratedDocs.CopyPaths.Begin}\nnew\n{GeneratedDocs.CopyPaths.End}\nMore.\n");
        var missing = () => GeneratedDocs.CopyPaths.Replace("# X\n", "new\n");
        missing.Should().Throw<DocsInputException>().WithMessage($"*no copy-paths block*{GeneratedDocs.CopyPaths.Begin}*{GeneratedDocs.CopyPaths.End}*{GeneratedDocs.Command}*");
    }

    /// <summary>The skip summary counts a family once only if every scenario of it gives the same reason.</summary>
    [Fact]
    public void Every_OolTransfer_scenario_gives_one_reason_to_need_XNU_naming_Mach_messages()
    {
        IReadOnlyList<IScenario> scenarios =
        [
            .. OolTransferCases.All.Select(r => r.Case.Scenario), new OolThresholdScenario(), new OolFootprintScenario(OolFootprintScenario.DefaultBytes),
            OolPhysicalLimit.AtTheLimit, OolPhysicalLimit.PastTheLimit, OolTransferScenario.TwoAdjacentReceptions,
        ];

        scenarios.Select(s => s.Family).Distinct().Should().Equal(OolTransferScenario.FamilyName);
        scenarios.Should().OnlyContain(s => s.Kernels.SequenceEqual(new[] { Kernel.Xnu }));
        scenarios.Select(s => s.WhyOnlyItsKernels).Distinct().Should().ContainSingle().Which.Should().StartWith("Mach messages exist only on XNU");
    }
}
