var  a = 1;
