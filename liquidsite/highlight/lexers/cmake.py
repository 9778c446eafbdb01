"""CMake as Rouge 3.30 lexes it: a line's characters take the class of the state they are in."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule

BUILTIN_COMMANDS = frozenset("""
    add_compile_definitions add_compile_options add_custom_command add_custom_target
    add_definitions add_dependencies add_executable add_library add_link_options add_subdirectory
    add_test aux_source_directory break build_command build_name cmake_host_system_information
    cmake_language cmake_minimum_required cmake_parse_arguments cmake_policy configure_file
    create_test_sourcelist define_property else elseif enable_language enable_testing endforeach
    endfunction endif endmacro endwhile exec_program execute_process export
    export_library_dependencies file find_file find_library find_package find_path find_program
    fltk_wrap_ui foreach function get_cmake_property get_directory_property get_filename_component
    get_property get_source_file_property get_target_property get_test_property if include
    include_directories include_external_msproject include_guard include_regular_expression
    install install_files install_programs install_targets link_directories link_libraries list
    load_cache load_command macro make_directory mark_as_advanced math message option
    output_required_files project qt_wrap_cpp qt_wrap_ui remove remove_definitions return
    separate_arguments set set_directory_properties set_property set_source_files_properties
    set_target_properties set_tests_properties site_name source_group string subdir_depends
    subdirs target_compile_definitions target_compile_features target_compile_options
    target_include_directories target_link_directories target_link_libraries target_link_options
    target_precompile_headers target_sources try_compile try_run unset use_mangled_mesa
    utility_source variable_requires variable_watch while write_file
""".split())
SPACE = r"[ \t]"
BRACKET_OPEN = r"\[=*\["
# The class of plain characters in each state.
STATE_CLASSES = {
    "root": "",
    "bracket_string": "s2",
    "quoted_argument": "s2",
    "bracket_comment": "cm",
    "variable_reference": "nv",
}


def _in_state(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token(STATE_CLASSES[lexer.stack[-1]])  # type: ignore[index]


def _bracket_close(lexer: "CMakeLexer", match: "re.Match[str]") -> None:
    _in_state(lexer, match)
    if len(match.group(0)) == lexer.bracket_length:
        lexer.goto("root")


def _bracket_comment(lexer: "CMakeLexer", match: "re.Match[str]") -> None:
    lexer.token("cm")
    lexer.bracket_length = len(match.group(0)) - 1  # without the '#'
    lexer.goto("bracket_comment")


def _bracket_string(lexer: "CMakeLexer", match: "re.Match[str]") -> None:
    lexer.token("s2")
    lexer.bracket_length = len(match.group(0))
    lexer.goto("bracket_string")


def _command(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("nb" if match.group(1) in BUILTIN_COMMANDS else "nf", "", "p")


class CMakeLexer(RegexLexer):
    def __init__(self) -> None:
        super().__init__()
        self.bracket_length = 0

    states = {
        "default": [rule(r"\r\n?|\n", _in_state), rule(r".", _in_state)],
        "variable_interpolation": [rule(r"\$\{", "si", "variable_reference")],
        "bracket_close": [rule(r"\]=*\]", _bracket_close)],
        "root": [
            Mixin("variable_interpolation"),
            rule(SPACE, ""),
            rule(r"[()]", "p"),
            rule(rf"#{BRACKET_OPEN}", _bracket_comment),
            rule(BRACKET_OPEN, _bracket_string),
            rule(r'\\"', ""),
            rule(r'"', "s2", "quoted_argument"),
            rule(rf"([A-Za-z_][A-Za-z0-9_]*)({SPACE}*)(\()", _command),
            rule(r"#.*", "c1"),
            Mixin("default"),
        ],
        "bracket_string": [Mixin("bracket_close"), Mixin("variable_interpolation"), Mixin("default")],
        "bracket_comment": [Mixin("bracket_close"), Mixin("default")],
        "variable_reference": [
            Mixin("variable_interpolation"),
            rule(r"\}", "si", "#pop"),
            Mixin("default"),
        ],
        "quoted_argument": [
            Mixin("variable_interpolation"),
            rule(r'"', "s2", "root"),
            rule(r'\\[()#" \\$@^trn;]', "se"),
            Mixin("default"),
        ],
    }
