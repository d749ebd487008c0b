/* Stands in for an addon built on Node's C++ API (node.h's NODE_MODULE): its static
 * constructor registers through node_module_register. coil refuses it by name. */
extern void node_module_register(void* module);

static struct {
  int version;
  void* rest[8];
} module_record = {115, {0}};

__attribute__((constructor)) static void register_module(void) {
  node_module_register(&module_record);
}
