using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using OolSpecs.Specs.OolTransfer;
using OolSpecs.Specs.Support;

namespace OolSpecs.Harness.Tests.Scenarios;

/// <summary>
/// The OolTransfer claims judged on made-up runs (<see cref="MadeUpRuns"/>): each passes a run
/// as the source says and rejects the departure it is there to catch. No kernel is behind them.
/// </summary>
public sealed class OolClaimTests
{
    const long Page = MadeUpRuns.PageSize;

    static readonly OolTransferCase LargeMalloc = OolTransferCases.All.Described("malloc memory, virtual copy, 16 pages, kept");

    [Fact]
    public void The_receiver_reads_as_sent_only_where_the_sender_wrote_while_the_message_was_queued()
    {
        var run = MadeUpRuns.Transfer(16 * Page, receivedResident: 1);

        ContentClaims.ReceiverReadsOriginal(run).Violations.Should().BeEmpty();
        ContentClaims.ReceiverReadsOriginal(WithoutSenderStep(run, OolSteps.AfterQueuedWrite)).Violations
            .Should().ContainSingle().Which.Should().Contain("no write while the message was queued");
        ContentClaims.ReceiverReadsOriginal(WithoutSenderStep(run, OolSteps.AfterSenderWrite)).Violations
            .Should().ContainSingle().Which.Should().Contain("no write after the receive");
    }

    [Fact]
    public void With_deallocate_the_claim_says_the_sender_wrote_nothing_and_checks_it()
    {
        var kept = MadeUpRuns.Transfer(16 * Page, receivedResident: 1);
        var dealloc = kept with { Dealloc = true, Sender = [kept.Sender[0] with { Steps = [kept.Sender[0].Steps[0]] }] };

        ContentClaims.DeallocatedReadsOriginal(dealloc).Violations.Should().BeEmpty();
        ContentClaims.DeallocatedReadsOriginal(dealloc with { Sender = kept.Sender }).Violations
            .Should().ContainSingle().Which.Should().Contain("step(s) after the send of a deallocated buffer");
        ContentClaims.DeallocatedBytesReadAsSent.Sentence.Should().NotContain("overwrote").And.Contain("writes nothing");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(12)]
    public void Malloc_tagged_for_no_copy_on_write_is_judged_copied_at_send(int tag)
    {
        var copied = Malloc(tag, senderObject: 1, receiverObject: 2, received: (XnuShareMode.SM_PRIVATE, 1));
        var shared = Malloc(tag, senderObject: 1, receiverObject: 1, received: (XnuShareMode.SM_COW, 2), queued: (XnuShareMode.SM_COW, 2));

        Judge(CopyPathClaims.MallocIsCopiedNotShared, copied).Violations.Should().BeEmpty();
        Judge(CopyPathClaims.MallocIsCopiedNotShared, copied).Unverified.Should().BeEmpty();
        Judge(CopyPathClaims.MallocIsCopiedNotShared, shared).Violations.Should().Contain("the receiver maps the sender's own object");
        var copiedAtReceive = copied with { Receiver = copied.Receiver with { Messages = [.. copied.Receiver.Messages.Select(m => m with { Steps = [.. m.Steps.Select(st => st with { Region = st.Region with { UserTag = CopyPaths.MachMsgTag } })] })] } };
        Judge(CopyPathClaims.MallocIsCopiedNotShared, copiedAtReceive).Violations.Should().Contain(v => v.Contains("copied at receive"), "the source copies such a block at send, never at receive");
        Judge(CopyPathClaims.MallocLargeIsShared, copied).Unverified.Should().ContainSingle().Which.Should().Contain($"tagged {tag}, not MALLOC_LARGE");
    }

    [Fact]
    public void Malloc_tagged_MALLOC_LARGE_is_judged_shared_copy_on_write_like_anonymous_memory()
    {
        var shared = Malloc(CopyPathClaims.MallocLargeTag, senderObject: 1, receiverObject: 1, received: (XnuShareMode.SM_COW, 2), queued: (XnuShareMode.SM_COW, 2));
        var copied = Malloc(CopyPathClaims.MallocLargeTag, senderObject: 1, receiverObject: 2, received: (XnuShareMode.SM_PRIVATE, 1));

        Judge(CopyPathClaims.MallocLargeIsShared, shared).Violations.Should().BeEmpty();
        Judge(CopyPathClaims.MallocLargeIsShared, shared).Unverified.Should().BeEmpty();
        Judge(CopyPathClaims.MallocLargeIsShared, copied).Violations.Should().Contain(v => v.Contains("the copy path is"))
            .And.Contain(v => v.Contains("while queued the sender's share_mode"));
        Judge(CopyPathClaims.MallocIsCopiedNotShared, shared).Unverified.Should().ContainSingle().Which.Should().Contain("tagged 3, not one of malloc's no-copy-on-write tags");
    }

    [Fact]
    public void Malloc_tags_follow_the_no_copy_on_write_mask_of_macOS()
    {
        CopyPathClaims.MallocNoCopyOnWriteTags.Should().BeEquivalentTo([1, 2, 7, 11, 12], "vm_map_init sets MALLOC, SMALL, MEDIUM, TINY and NANO on macOS");
        CopyPathClaims.MallocNoCopyOnWriteTags.Should().NotContain(CopyPathClaims.MallocLargeTag, "macOS keeps copy-on-write for MALLOC_LARGE (realloc may vm_copy)");
    }

    [Fact]
    public void A_malloc_tag_no_claim_covers_is_left_unverified_not_passed()
    {
        var run = Malloc(99, senderObject: 1, receiverObject: 2, received: (XnuShareMode.SM_PRIVATE, 1));

        foreach (var claim in new[] { CopyPathClaims.MallocIsCopiedNotShared, CopyPathClaims.MallocLargeIsShared })
        {
            Judge(claim, run).Violations.Should().BeEmpty();
            Judge(claim, run).Unverified.Should().ContainSingle().Which.Should().Contain("tagged 99");
        }
    }

    [Fact]
    public void A_small_payload_is_judged_by_the_path_the_share_mode_the_reference_count_and_every_page_resident()
    {
        var small = MadeUpRuns.Transfer(Page, receivedResident: 1, senderObject: 1, receiverObject: 2, receiverTag: 0);
        var @case = OolTransferCases.All.Described("anonymous memory, virtual copy, 1 page, kept");

        Judge(CopyPathClaims.SmallPayloadsGoThroughAKernelBuffer, small, @case).Violations.Should().BeEmpty();
        Judge(CopyPathClaims.SmallPayloadsGoThroughAKernelBuffer, WithReceived(small, XnuShareMode.SM_PRIVATE, refCount: 2), @case).Violations
            .Should().Equal("ref_count is 2, not 1");
        Judge(CopyPathClaims.SmallPayloadsGoThroughAKernelBuffer, MadeUpRuns.Transfer(Page, receivedResident: 1, senderObject: 1, receiverObject: 1), @case).Violations
            .Should().Contain(v => v.Contains("the copy path is")).And.Contain("the receiver maps the sender's own VM object: no copy was made");
    }

    [Fact]
    public void A_misaligned_copyout_that_keeps_the_senders_object_is_never_called_copied_at_receive()
    {
        var mapped = MadeUpRuns.Transfer(16385, receivedResident: 4, senderObject: 1, receiverObject: 1, receiverTag: CopyPaths.MachMsgTag);
        var copied = MadeUpRuns.Transfer(32769, receivedResident: 3, senderObject: 1, receiverObject: 2, receiverTag: CopyPaths.MachMsgTag);

        CopyPaths.Of(mapped).Should().Be(CopyPath.WholePagesMappedAtReceive);
        CopyPaths.Of(copied).Should().Be(CopyPath.CopiedAtReceive);
        var text = new OolThresholdScenario().Render(new OolThresholdSweep([ThresholdPoint.Of(mapped), ThresholdPoint.Of(copied)]));
        var rows = text.Split('\n').Where(line => line.StartsWith("| 1638") || line.StartsWith("| 3276")).ToList();
        rows.Should().HaveCount(2);
        rows.Should().NotContain(row => row.Contains("copied at receive") && row.Contains("| yes |"), "a row that maps the sender's object was not copied at receive");
        rows.Should().Contain(row => row.Contains("| yes |") && row.Contains("whole pages keep the sender's object"));
        new OolTransferScenario(MemoryKind.Anonymous, CopyOption.Virtual, OolSize.Bytes(16385), Dealloc: false).Render(mapped)
            .Should().NotContain("copied at receive");
    }

    [Theory]
    [InlineData("x86_64", CopyPath.WholePagesMappedAtReceive, true)]
    [InlineData("arm64", CopyPath.CopiedAtReceive, false)]
    public void One_byte_past_the_threshold_is_judged_by_whether_it_is_three_pages_of_bytes(string arch, CopyPath path, bool mapsWholePages)
    {
        var size = ThresholdClaims.Expected(arch) + 1;
        ThresholdClaims.MapsWholePages(size, arch).Should().Be(mapsWholePages);
        var other = path == CopyPath.CopiedAtReceive ? CopyPath.WholePagesMappedAtReceive : CopyPath.CopiedAtReceive;

        ThresholdClaims.Misaligned(Sweep(size, path), arch).Violations.Should().BeEmpty();
        ThresholdClaims.Misaligned(Sweep(size, other), arch).Violations.Should().ContainSingle().Which.Should().Contain($"{size} bytes took the path");
    }

    [Fact]
    public void The_merge_is_claimed_where_two_receptions_meet_and_left_unverified_where_they_do_not()
    {
        var merged = TwoReceptions(secondAt: 0x200004000, secondRegion: (0x200000000, 0x200008000), secondDataOnly: false);
        var apart = TwoReceptions(secondAt: 0x200100000, secondRegion: (0x200100000, 0x200104000), secondDataOnly: true);
        var unmerged = TwoReceptions(secondAt: 0x200004000, secondRegion: (0x200004000, 0x200008000), secondDataOnly: true);

        ReceptionLayout.Of(merged).Should().Be(ReceptionPlacement.RightAfter);
        AdjacencyClaims.Merged(merged).Violations.Should().BeEmpty();
        ReceptionLayout.Of(apart).Should().Be(ReceptionPlacement.Apart);
        AdjacencyClaims.Merged(apart).Violations.Should().BeEmpty();
        AdjacencyClaims.Merged(apart).Unverified.Should().ContainSingle().Which.Should().Contain("did not land next to the first");
        AdjacencyClaims.Merged(unmerged).Violations.Should().NotBeEmpty();
        OolTransferScenario.TwoAdjacentReceptions.Render(apart).Should().Contain("| message 2 lands | apart from message 1's pages |");
    }

    static OolThresholdSweep Sweep(long bytes, CopyPath path) =>
        new([new ThresholdPoint(bytes, 3, path, CopyPaths.MachMsgTag, 1, path == CopyPath.WholePagesMappedAtReceive)]);

    static OolTransferRun WithoutSenderStep(OolTransferRun run, string step) =>
        run with { Sender = [run.Sender[0] with { Steps = [.. run.Sender[0].Steps.Where(s => s.Step != step)] }] };

    static ClaimVerdict Judge(Claim claim, OolTransferRun run, OolTransferCase? @case = null)
    {
        var row = @case ?? LargeMalloc;
        return row.CheckOf(claim).Judge(Reception.Of(row.Case, run));
    }

    static OolTransferRun WithReceived(OolTransferRun run, XnuShareMode mode, long refCount)
    {
        var message = run.Receiver.Messages[0];
        var steps = message.Steps.Select(s => s.Step == OolSteps.Received
            ? s with { Region = s.Region with { ShareMode = (int)mode, RefCount = refCount } }
            : s).ToList();
        return run with { Receiver = run.Receiver with { Messages = [message with { Steps = steps }] } };
    }

    static OolTransferRun Malloc(int tag, ulong senderObject, ulong receiverObject, (XnuShareMode Mode, long RefCount) received, (XnuShareMode Mode, long RefCount)? queued = null)
    {
        var run = WithReceived(MadeUpRuns.Transfer(16 * Page, receivedResident: 1, senderObject, receiverObject, receiverTag: tag, senderTag: tag), received.Mode, received.RefCount);
        var sender = run.Sender[0].Steps.Select(s => s.Step == OolSteps.Queued && queued is { } q
            ? s with { Region = s.Region with { ShareMode = (int)q.Mode, RefCount = q.RefCount } }
            : s).ToList();
        return run with { Memory = MemoryKind.Malloc, Sender = [run.Sender[0] with { Steps = sender }] };
    }

    static OolTransferRun TwoReceptions(ulong secondAt, (ulong Start, ulong End) secondRegion, bool secondDataOnly)
    {
        var run = MadeUpRuns.Transfer(Page, receivedResident: 1);
        var first = run.Receiver.Messages[0];
        var second = first with
        {
            Message = 2,
            Descriptor = first.Descriptor with { Address = secondAt },
            RegionIsDataOnly = secondDataOnly,
            Steps = [.. first.Steps.Select(s => s with { Region = s.Region with { Start = secondRegion.Start, End = secondRegion.End } })],
        };
        return run with
        {
            Messages = 2,
            Sender = [run.Sender[0], run.Sender[0] with { Message = 2 }],
            Receiver = run.Receiver with { Messages = [first, second] },
        };
    }
}
