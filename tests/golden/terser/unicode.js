/* Copyright 2024 Somebody */
const labels={"caf\xe9":"na\xefve r\xe9sum\xe9",emoji:"\ud83d\ude00 \u2713","quoted-key":"single"};document.title=labels.caf\u00e9+" "+labels.emoji;