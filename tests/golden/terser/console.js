/*! keep: banner */
function greet(e){var r="Hello, "+e+"!";return r}window.greet=greet;