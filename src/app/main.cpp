#include <cstdio>
int main() { std::puts("chariot: foundation under construction"); return 0; }
