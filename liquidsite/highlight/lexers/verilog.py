"""Verilog and SystemVerilog as Rouge 3.30 lexes them."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule
from .c import C_STATES

KEYWORDS = frozenset("""
    alias always always_comb always_ff always_latch assert assert_strobe assign assume automatic
    attribute before begin bind bins binsof break case casex casez clocking config constraint
    context continue cover covergroup coverpoint cross deassign defparam default design dist do
    else end endattribute endcase endclass endclocking endconfig endfunction endgenerate endgroup
    endinterface endmodule endpackage endprimitive endprogram endproperty endspecify endsequence
    endtable endtask expect export extends extern final first_match for force foreach fork
    forkjoin forever function generate genvar if iff ifnone ignore_bins illegal_bins import incdir
    include initial inside instance interface intersect join join_any join_none liblist library
    local localparam matches module modport new noshowcancelled null package parameter primitive
    priority program property protected pulsestyle_onevent pulsestyle_ondetect pure rand randc
    randcase randsequence release return sequence showcancelled solve specify super table task
    this throughout timeprecision timeunit type typedef unique use wait wait_order while wildcard
    with within
""".split())
TYPES = frozenset("""
    and bit buf bufif0 bufif1 byte cell chandle class cmos const disable edge enum event highz0
    highz1 initial inout input int integer join logic longint macromodule medium nand negedge nmos
    nor not notif0 notif1 or output packed parameter pmos posedge pull0 pull1 pulldown pullup
    rcmos real realtime ref reg repeat rnmos rpmos rtran rtranif0 rtranif1 scalared shortint
    shortreal signed specparam static string strength strong0 strong1 struct supply0 supply1
    tagged time tran tranif0 tranif1 tri tri0 tri1 triand trior trireg union unsigned uwire var
    vectored virtual void wait wand weak[01] wire wor xnor xor
""".split())
SYSTEM_TASKS = frozenset("""
    acos acosh asin asinh assertfailoff assertfailon assertkill assertnonvacuouson assertoff
    asserton assertpassoff assertpasson assertvacuousoff atan atan2 atanh bits bitstoreal
    bitstoshortreal cast ceil changed changed_gclk changing_gclk clog2 cos cosh countones
    coverage_control coverage_get coverage_get_max coverage_merge coverage_save dimensions display
    displayb displayh displayo dist_chi_square dist_erlang dist_exponential dist_normal
    dist_poisson dist_t dist_uniform dumpall dumpfile dumpflush dumplimit dumpoff dumpon dumpports
    dumpportsall dumpportsflush dumpportslimit dumpportsoff dumpportson dumpvars error exit exp
    falling_gclk fclose fdisplay fdisplayb fdisplayh fdisplayo fell fell_gclk feof ferror fflush
    fgetc fgets finish floor fmonitor fmonitorb fmonitorh fmonitoro fopen fread fscanf fseek
    fstrobe fstrobeb fstrobeh fstrobeo ftell future_gclk fwrite fwriteb fwriteh fwriteo
    get_coverage high hypot increment info isunbounded isunknown itor left ln load_coverage_db
    log10 low monitor monitorb monitorh monitoro monitoroff monitoron onehot onehot0 past
    past_gclk pow printtimescale q_add q_exam q_full q_initialize q_remove random readmemb
    readmemh realtime realtobits rewind right rising_gclk rose rose_gclk rtoi sampled
    set_coverage_db_name sformat sformatf shortrealtobits signed sin sinh size sqrt sscanf stable
    stable_gclk steady_gclk stime stop strobe strobeb strobeh strobeo swrite swriteb swriteh
    swriteo system tan tanh time timeformat typename ungetc unpacked_dimensions unsigned warning
    write writeb writeh writememb writememh writeo
""".split())
ID = r"[a-zA-Z_][a-zA-Z0-9_]*"



def _statement(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.push("statement")


def _identifier(lexer: RegexLexer, match: "re.Match[str]") -> None:
    name = match.group(0)
    if name in KEYWORDS:
        lexer.token("k")
    elif name in TYPES:
        lexer.token("kt")
    elif name in SYSTEM_TASKS:
        lexer.token("nb")
    else:
        lexer.token("n")


class VerilogLexer(RegexLexer):
    states = {
        "expr_bol": [Mixin("inline_whitespace"), rule(r"`define", "cp", "macro"), rule(r"", "", "#pop")],
        "bol": [rule(rf"{ID}:(?!:)", "nl"), Mixin("expr_bol")],
        # Rouge's Verilog lexer repeats its C lexer's whitespace and string states.
        "inline_whitespace": C_STATES["inline_whitespace"],
        "whitespace": C_STATES["whitespace"],
        "expr_whitespace": C_STATES["expr_whitespace"],
        "string": C_STATES["string"],
        "statement": [
            Mixin("whitespace"),
            rule(r'L?"', "s", "string"),
            rule(r"([0-9_]+\.[0-9_]*|[0-9_]*\.[0-9_]+)(e[+-]?[0-9_]+)?", "mf", flags=re.I),
            rule(r"[0-9_]+e[+-]?[0-9_]+", "mf", flags=re.I),
            rule(r"[0-9]*'h[0-9a-fA-F_?]+", "mh"),
            rule(r"[0-9]*'b?[01xz_?]+", "mb"),
            rule(r"[0-9]*'d[0-9_?]+", "mi"),
            rule(r"[0-9_]+[lu]*", "mi", flags=re.I),
            rule(r"[-~!%^&*+=|?:<>/@{}]", "o"),
            rule(r"[()\[\],.$#;]", "p"),
            rule(r"`(\w+)", "cp"),
            rule(ID, _identifier),
        ],
        "root": [Mixin("expr_whitespace"), rule(r"", _statement)],
        "macro": [
            rule(r"\n", "cp", "#pop"),
            Mixin("inline_whitespace"),
            rule(r";", "p"),
            rule(r"=", "o"),
            rule(r"(\w+)", ""),
        ],
    }
