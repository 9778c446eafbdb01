"""Erlang as Rouge 3.30 lexes it.

Rouge's function-name rule opens with ``(?:^|(?<=:))``; under Ruby's StringScanner ``^``
holds at every scan position, so the rule applies anywhere and is written so here.
"""

from __future__ import annotations

from ..engine import RegexLexer, rule

KEYWORDS = """
    after begin case catch cond end fun if
    let of query receive try when

""".split()
BUILTINS = """
    abs append_element apply atom_to_list binary_to_list
    bitstring_to_list binary_to_term bit_size bump_reductions
    byte_size cancel_timer check_process_code delete_module
    demonitor disconnect_node display element erase exit
    float float_to_list fun_info fun_to_list
    function_exported garbage_collect get get_keys
    group_leader hash hd integer_to_list iolist_to_binary
    iolist_size is_atom is_binary is_bitstring is_boolean
    is_builtin is_float is_function is_integer is_list
    is_number is_pid is_port is_process_alive is_record
    is_reference is_tuple length link list_to_atom
    list_to_binary list_to_bitstring list_to_existing_atom
    list_to_float list_to_integer list_to_pid list_to_tuple
    load_module localtime_to_universaltime make_tuple md5
    md5_final md5_update memory module_loaded monitor
    monitor_node node nodes open_port phash phash2
    pid_to_list port_close port_command port_connect
    port_control port_call port_info port_to_list
    process_display process_flag process_info purge_module
    put read_timer ref_to_list register resume_process
    round send send_after send_nosuspend set_cookie
    setelement size spawn spawn_link spawn_monitor
    spawn_opt split_binary start_timer statistics
    suspend_process system_flag system_info system_monitor
    system_profile term_to_binary tl trace trace_delivered
    trace_info trace_pattern trunc tuple_size tuple_to_list
    universaltime_to_localtime unlink unregister whereis

""".split()
WORD_OPERATORS = """
    and andalso band bnot bor bsl bsr bxor
    div not or orelse rem xor

""".split()
OPERATORS = r"(\+\+?|--?|\*|/|<|>|/=|=:=|=/=|=<|>=|==?|<-|!|\?)"
ATOM = r"(?:[a-z][a-zA-Z0-9_]*|'[^\n']*[^\\]')"
VARIABLE = r"(?:[A-Z_][a-zA-Z0-9_]*)"
ESCAPE = r"""(?:\\(?:[bdefnrstv'"\\/]|[0-7][0-7]?[0-7]?|\^[a-zA-Z]))"""
MACRO = rf"(?:{VARIABLE}|{ATOM})"
BASE = r"(?:[2-9]|[12][0-9]|3[0-6])"


class ErlangLexer(RegexLexer):
    states = {
        "root": [
            rule(r"\s+", ""),
            rule(r"%.*\n", "c"),
            rule(rf"({'|'.join(KEYWORDS)})\b", "k"),
            rule(rf"({'|'.join(BUILTINS)})\b", "nb"),
            rule(rf"({'|'.join(WORD_OPERATORS)})\b", "ow"),
            rule(r"^-", "p", "directive"),
            rule(OPERATORS, "o"),
            rule(r'"', "s", "string"),
            rule(r"<<", "nl"),
            rule(r">>", "nl"),
            rule(rf"({ATOM})(:)", ("nn", "p")),
            rule(rf"({ATOM})(\s*)(\()", ("nf", "", "p")),
            rule(rf"[+-]?{BASE}#[0-9a-zA-Z]+", "mi"),
            rule(r"[+-]?\d+", "mi"),
            rule(r"[+-]?\d+.\d+", "mf"),
            rule(r'[\]\[:_@".{}()|;,]', "p"),
            rule(VARIABLE, "nv"),
            rule(ATOM, "n"),
            rule(rf"\?{MACRO}", "no"),
            rule(rf"\$(?:{ESCAPE}|\\[ %]|[^\\])", "sc"),
            rule(rf"#{ATOM}(:?\.{ATOM})?", "nl"),
        ],
        "string": [
            rule(ESCAPE, "se"),
            rule(r'"', "s", "#pop"),
            rule(r"~[0-9.*]*[~#+bBcdefginpPswWxX]", "si"),
            rule(r'[^"\\~]+', "s"),
            rule(r"~", "s"),
        ],
        "directive": [
            rule(rf"(define)(\s*)(\()({MACRO})", ("ni", "", "p", "no"), "#pop"),
            rule(rf"(record)(\s*)(\()({MACRO})", ("ni", "", "p", "nl"), "#pop"),
            rule(ATOM, "ni", "#pop"),
        ],
    }
