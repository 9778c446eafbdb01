/* Copyright me */
!function(){var n=[1,2,3];console.info(n),window.total=n.reduce((function(n,o){return n+o}),0)}();