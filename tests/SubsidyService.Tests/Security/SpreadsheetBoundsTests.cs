using FluentAssertions;
using SubsidyService.Registers;

namespace SubsidyService.Tests.Security;

/// <summary>Cells without an r= reference are read in order and counted like the others: neither a column bound nor the cell bound can be walked around.</summary>
public sealed class SpreadsheetBoundsTests
{
    private static readonly string[] Row = ["省级专利资助名录", "provincial", "张三", "110101199003077777", "(2025)浙02民初7781号", "3000.00", "2025-06-01", "诉讼补助"];

    [Fact]
    public void Cells_without_references_take_the_next_column_in_turn()
    {
        var read = RegisterFile.Read(XlsxBomb.WithoutReferences(Row, emptyCells: 3));
        read.Succeeded.Should().BeTrue(read.Refusal?.Detail);
        read.Value!.Should().ContainSingle("the row of empty cells is no data").Which.Fields.Should().Equal(Row);
    }

    [Fact]
    public void A_sheet_of_a_million_empty_cells_is_refused_by_the_cell_count()
    {
        var read = RegisterFile.Read(XlsxBomb.WithoutReferences(Row, emptyCells: RegisterFile.MaxCells + 1));
        read.Succeeded.Should().BeFalse();
        read.Refusal!.Errors!["file"].Single().Should().Contain("单元格过多");
    }

    [Fact]
    public void A_row_of_more_unreferenced_cells_than_columns_allowed_is_refused()
    {
        var wide = Row.Concat(Enumerable.Repeat("x", RegisterFile.MaxColumns)).ToArray();
        var read = RegisterFile.Read(XlsxBomb.WithoutReferences(wide, emptyCells: 0));
        read.Succeeded.Should().BeFalse();
        read.Refusal!.Errors!["file"].Single().Should().Contain($"最多 {RegisterFile.MaxColumns} 列");
    }
}
