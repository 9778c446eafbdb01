// a comment
function hello(name) {
  var greeting = "Hello, " + name;
  console.log(greeting);
  return greeting;
}
window.hello = hello;
