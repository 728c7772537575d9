using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using OolSpecs.Specs.ForkInheritance;
using OolSpecs.Specs.Support;

namespace OolSpecs.Harness.Tests.Scenarios;

/// <summary>fork-inherit's table, names and rendering, on made-up runs (<see cref="MadeUpForkInheritRuns"/>).</summary>
public sealed class ForkInheritTests
{
    /// <summary>One row a mode, unique descriptions and each kernel as the probe's help says: <see cref="Probe.KernelRowTablesTests"/>, for every table.</summary>
    [Fact]
    public void The_modes_are_in_the_order_of_the_probes_table()
    {
        InheritModes.All.Select(row => row.Word).Should().Equal("default", "share", "copy", "none", "private", "shared", "dontfork", "wipeonfork");
    }

    [Fact]
    public void A_mode_in_words_names_its_word_and_its_setup_and_finds_its_row_again()
    {
        var row = InheritModes.All.Of(InheritMode.Shared);

        row.Description.Should().Be("shared (MAP_SHARED|MAP_ANONYMOUS)");
        InheritanceCases.All.Described(row.Description).Row.Should().Be(row);
        var act = () => InheritanceCases.All.Described("shared");
        act.Should().Throw<ArgumentException>().WithMessage("*'shared'*shared (MAP_SHARED|MAP_ANONYMOUS)*");
    }

    [Fact]
    public void The_case_is_the_mode_word_with_pages_and_missing_frames_said()
    {
        new ForkInheritScenario(InheritMode.WipeOnFork).Case.Should().Be("wipeonfork");
        new ForkInheritScenario(InheritMode.WipeOnFork, Pages: 4).Case.Should().Be("wipeonfork-4-pages");
        new ForkInheritScenario(InheritMode.WipeOnFork, WithoutCapSysAdmin: true).Case.Should().Be("wipeonfork-without-frames");
        new ForkInheritScenario(InheritMode.Share).Family.Should().Be("ForkInheritance");
    }

    [Fact]
    public void The_probe_is_asked_for_the_mode_by_its_word_and_runs_on_the_modes_kernel_only()
    {
        var scenario = new ForkInheritScenario(InheritMode.DontFork, Pages: 3);

        scenario.Arguments.Should().Equal("fork-inherit", "--mode", "dontfork", "--pages", "3");
        scenario.Kernels.Should().Equal(Kernel.Linux);
        new ForkInheritScenario(InheritMode.None).Kernels.Should().Equal(Kernel.Xnu);
    }

    [Fact]
    public void A_run_that_could_not_read_frames_is_filed_under_the_without_frames_case()
    {
        var scenario = new ForkInheritScenario(InheritMode.Private);

        scenario.KeyFor(MadeUpForkInheritRuns.LinuxPrivate(framesKnown: false)).Case.Should().Be("private-without-frames");
        scenario.KeyFor(MadeUpForkInheritRuns.LinuxPrivate()).Case.Should().Be("private");
        new ForkInheritScenario(InheritMode.Private, WithoutCapSysAdmin: true).KeyFor(MadeUpForkInheritRuns.LinuxPrivate(framesKnown: false)).Case
            .Should().Be("private-without-frames");
        new ForkInheritScenario(InheritMode.Share).KeyFor(MadeUpForkInheritRuns.XnuShare()).Case.Should().Be("share", "XNU reports no frames and misses none");
    }

    [Fact]
    public void The_summary_has_a_row_a_step_with_every_page_and_frames_lettered_by_first_appearance()
    {
        var text = Render(MadeUpForkInheritRuns.LinuxPrivate());

        text.Should().StartWith("# Fork inheritance on Linux: private (MAP_PRIVATE|MAP_ANONYMOUS)\n");
        text.Should().Contain("| step | actor | mapped | present | frame | map count | exclusively mapped |");
        text.Should().Contain("| 1. parent-after-fill | parent | yes | yes, yes | A, B | 1, 1 | yes, yes |");
        text.Should().Contain("| 2. child-after-fork | child | yes | yes, yes | A, B | 2, 2 | no, no |");
        text.Should().Contain("| 3. parent-after-write | parent | yes | yes, yes | C, D | 1, 1 | yes, yes |");
        text.Should().Contain("| 4. child-after-write | child | yes | yes, yes | A, B | 1, 1 | yes, yes |");
        text.Should().Contain("## 5. parent-after-child-write (parent)").And.Contain("| mapping (pages from buffer) | 0..2 |");
    }

    [Fact]
    public void The_report_carries_no_address_frame_number_or_object_id()
    {
        foreach (var text in new[] { Render(MadeUpForkInheritRuns.LinuxPrivate()), Render(MadeUpForkInheritRuns.XnuShare()) })
        {
            text.Should().NotContain(MadeUpForkInheritRuns.Buffer.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .And.NotContain("7f00").And.NotContain("9100").And.NotContain("9300").And.NotContain("| 77 |").And.NotContain("made up");
        }
    }

    [Fact]
    public void A_content_check_shows_the_bytes_it_checked_or_where_it_first_differed_and_what_it_read()
    {
        var text = Render(MadeUpForkInheritRuns.LinuxPrivate());

        text.Should().Contain("| the child reads at the fork | the parent's data |");
        text.Should().Contain("| at the fork the child reads the parent's fill | yes (8192 bytes checked) |");
        text.Should().Contain("| at the fork the child reads zeros | NO: offset 0: read 0xa1, expected 0x00 |");
        text.Should().Contain("| after the child's write the parent reads it | NO: offset 4108: read 0xa6, expected 0xc4 |");
        text.Should().Contain("| the child sees the parent's later write | no |");
    }

    [Fact]
    public void A_child_that_maps_nothing_has_no_facts_and_nothing_checked()
    {
        var text = Render(MadeUpForkInheritRuns.LinuxDontFork());

        text.Should().Contain("| 2. child-after-fork | child | no | - | - | - | - |");
        text.Should().Contain("## 2. child-after-fork (child)\n\nThe child has nothing mapped at the buffer's address.\n");
        text.Should().Contain("| the child reads at the fork | nothing: it does not map the buffer |");
        text.Should().Contain("| at the fork the child reads the parent's fill | - (the child does not map the buffer) |");
        text.Should().Contain("| the parent sees the child's write | - |");
        text.Should().Contain("| after the child's write the parent reads its own last write | yes (8192 bytes checked) |");
    }

    [Fact]
    public void Without_frames_they_are_unknown_and_the_kernels_reason_stays_out()
    {
        var text = Render(MadeUpForkInheritRuns.LinuxPrivate(framesKnown: false));

        text.Should().Contain("Frame numbers and map counts are unknown here: reading them needs CAP_SYS_ADMIN.");
        text.Should().Contain("| 2. child-after-fork | child | yes | yes, yes | unknown, unknown | unknown, unknown | no, no |");
        text.Should().NotContain("no capability");
    }

    [Fact]
    public void On_XNU_the_summary_shows_the_region_fields_and_the_object_as_a_letter()
    {
        var text = Render(MadeUpForkInheritRuns.XnuShare());

        text.Should().StartWith("# Fork inheritance on XNU: share (vm_inherit VM_INHERIT_SHARE)\n");
        text.Should().Contain("| step | actor | mapped | share_mode | ref_count | pages_resident | object |");
        text.Should().Contain("| 1. parent-after-fill | parent | yes | SM_PRIVATE | 1 | 2 | A |");
        text.Should().Contain("| 2. child-after-fork | child | yes | SM_SHARED | 2 | 2 | A |");
        text.Should().Contain("| inheritance | share |").And.Contain("| region (pages from buffer) | 0..2 |");
    }

    [Fact]
    public void The_same_run_renders_the_same_bytes()
    {
        Render(MadeUpForkInheritRuns.LinuxPrivate()).Should().Be(Render(MadeUpForkInheritRuns.LinuxPrivate()));
    }

    [Fact]
    public void A_probe_document_reads_into_the_records_with_unchecked_content_as_null()
    {
        const string json = """
            {"scenario":"fork-inherit","kernel":"linux","mode":"dontfork","setup":"s","description":"d","page_size":4096,"pages":1,"buffer":4096,
             "frames":{"available":true,"reason":null},
             "steps":[{"step":"parent-after-fill","actor":"parent","mapped":true,
                       "pages":[{"present":true,"swapped":false,"exclusive":true,"soft_dirty":false,"file_or_shared":false,"pfn":5,"map_count":1}],
                       "vma":{"start":4096,"end":8192,"rss_kb":4,"pss_kb":4,"private_clean_kb":0,"private_dirty_kb":4,"shared_clean_kb":0,"shared_dirty_kb":0,"anonymous_kb":4,"swap_kb":0}},
                      {"step":"child-after-fork","actor":"child","mapped":false}],
             "content":{"child_reads_at_fork":"unmapped","child_at_fork":{"parent":null,"zeros":null},"child_sees_parent_write":null,
                        "child_after_parent_write":{"parent_again":null,"as_at_fork":null},"parent_sees_child_write":null,
                        "parent_after_child_write":{"child":null,"parent_again":{"holds":false,"bytes_checked":4096,"mismatch":{"offset":7,"expected":166,"actual":0}},"first_fill":null},
                        "read_back":{"parent":{"holds":true,"bytes_checked":4096,"mismatch":null},"child":null}}}
            """;

        var run = ProbeJson.Parse<ForkInheritRun>(json, "made up");

        run.Mode.Should().Be(InheritMode.DontFork);
        run.Step(ForkInheritSteps.ChildAfterFork).Mapped.Should().BeFalse();
        run.Content.ChildReadsAtFork.Should().Be(ChildReading.Unmapped);
        run.Content.ChildAtFork.Parent.Should().BeNull();
        run.Content.ParentAfterChildWrite.ParentAgain!.Mismatch.Should().Be(new ContentMismatch(7, 0xa6, 0));
        run.Content.ReadBack.Should().Be(new ReadBacks(new ContentCheck(true, 4096, null), null));
        var unmapped = () => run.Step(ForkInheritSteps.ChildAfterFork).LinuxPages;
        unmapped.Should().Throw<InvalidOperationException>().WithMessage("*child does not map the buffer*");
    }

    [Fact]
    public void A_probe_document_without_its_content_is_rejected()
    {
        const string json = """{"scenario":"fork-inherit","kernel":"linux","mode":"shared","setup":"s","description":"d","page_size":4096,"pages":1,"buffer":4096,"steps":[]}""";

        var act = () => ProbeJson.Parse<ForkInheritRun>(json, "made up");

        act.Should().Throw<ProbeException>().WithMessage("*content*");
    }

    static string Render(ForkInheritRun run) => new ForkInheritScenario(run.Mode).Render(run);
}
